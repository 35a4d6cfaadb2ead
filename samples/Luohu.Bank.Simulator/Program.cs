using Luohu.Bank.Simulator;

// The composition lives in BankSimulator so that tests start exactly this bank on a real Kestrel.
var app = BankSimulator.Create(args);
await app.RunAsync();
