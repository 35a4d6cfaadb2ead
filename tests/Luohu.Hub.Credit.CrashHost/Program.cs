using Luohu.Hub.Credit.CrashHost;

// Settles bills B-000000, B-000001, … through the outbox until killed; prints "ready resumed=N" once the entries a
// previous run left pending were resumed, then one "settled B-…" line per bill.
return await SettlementLoop.RunAsync(args);
