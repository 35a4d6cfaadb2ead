using Luohu.Hub.Host;

// "restore" puts a backup into an empty data folder and exits; anything else runs the hub.
if (args is [RestoreCommand.Verb, ..])
{
    return await RestoreCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

// The whole composition lives in HubApplication so that the tests start exactly this hub on a real Kestrel.
var app = HubApplication.Create(args);
await app.RunAsync();
return 0;
