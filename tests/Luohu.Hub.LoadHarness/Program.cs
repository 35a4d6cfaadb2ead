using System.Globalization;
using Luohu.Hub.LoadHarness;

if (args.Length > 0 && args[0] == "designer")
{
    var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
    var circuits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
    await Luohu.Hub.LoadHarness.Designer.DesignerLoad.RunAsync(runs, circuits);
    return 0;
}

if (args.Length > 0 && args[0] == "credit")
{
    var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    var inFlight = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
    await Luohu.Hub.LoadHarness.Credit.CreditLoad.RunAsync(seconds, inFlight);
    return 0;
}

if (args.Length > 0 && args[0] == "backup")
{
    var entries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
    await Luohu.Hub.LoadHarness.Backup.BackupLoad.RunAsync(entries, runs);
    return 0;
}

if (args.Length > 0 && args[0] == "flood")
{
    var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
    var tick = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 140;
    await Luohu.Hub.LoadHarness.Flood.FloodLoad.RunAsync(seconds, tick);
    return 0;
}

if (args.Length > 0 && args[0] == "soak")
{
    var minutes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
    var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
    return await Luohu.Hub.LoadHarness.Soak.SoakLoad.RunAsync(minutes, rate);
}

if (args.Length > 0 && args[0] == "generate")
{
    return await Generator.RunAsync(args);
}

if (args.Length == 0 || args[0] != "mqtt")
{
    Console.Error.WriteLine("usage: Luohu.Hub.LoadHarness mqtt [seconds-per-rate] [rates, e.g. 2000,5000,20000,50000] [qos, e.g. 0,1] [targets: mqttnet,hub,hub:plain,embedded,embedded:plain]");
    Console.Error.WriteLine("       Luohu.Hub.LoadHarness designer [runs, default 5] [circuits, default 20]");
    Console.Error.WriteLine("       Luohu.Hub.LoadHarness credit [seconds per variant, default 10] [discharges in flight, default 16]");
    Console.Error.WriteLine("       Luohu.Hub.LoadHarness backup [audit entries, default 100000] [runs, default 3]");
    Console.Error.WriteLine("       Luohu.Hub.LoadHarness flood [seconds, default 20] [water tick ms, default 140: about 2,000 readings/s]");
    Console.Error.WriteLine("       Luohu.Hub.LoadHarness soak [minutes, default 60] [msg/s, default 10000]   (the soak under faults; needs root for its tmpfs)");
    Console.Error.WriteLine("       Luohu.Hub.LoadHarness generate port topic rate seconds qos [user password]   (the load generator; mqtt starts it)");
    return 2;
}

var mqttSeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
int[] rates = args.Length > 2 ? [.. args[2].Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))] : [2_000, 5_000, 20_000, 50_000];
int[] qos = args.Length > 3 ? [.. args[3].Split(',').Select(q => int.Parse(q, CultureInfo.InvariantCulture))] : [0, 1];
string[] targets = args.Length > 4 ? args[4].Split(',') : ["mqttnet", "hub", "hub:plain", "embedded", "embedded:plain"];
await MqttLoad.RunAsync(TimeSpan.FromSeconds(mqttSeconds), rates, qos, targets);
return 0;
