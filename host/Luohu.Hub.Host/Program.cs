using Luohu.Hub.Host;

// The whole composition lives in HubApplication so that the tests start exactly this hub on a real Kestrel.
var app = HubApplication.Create(args);
await app.RunAsync();
