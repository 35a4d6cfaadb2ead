using System.Globalization;
using Luohu.Hub.LoadHarness;

if (args.Length > 0 && args[0] == "designer")
{
    var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
    var circuits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
    await Luohu.Hub.LoadHarness.Designer.DesignerLoad.RunAsync(runs, circuits);
    return 0;
}

if (args.Length == 0 || args[0] != "mqtt")
{
    Console.Error.WriteLine("usage: Luohu.Hub.LoadHarness mqtt [seconds-per-rate] [rates, e.g. 1000,5000,20000] [ack modes, e.g. AfterProcessing,AfterHandOver]");
    Console.Error.WriteLine("       Luohu.Hub.LoadHarness designer [runs, default 5] [circuits, default 20]");
    return 2;
}

var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
int[] rates = args.Length > 2 ? [.. args[2].Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture))] : [1_000, 5_000, 20_000];
string[] acks = args.Length > 3 ? args[3].Split(',') : ["AfterProcessing", "AfterHandOver"];
await MqttLoad.RunAsync(TimeSpan.FromSeconds(seconds), rates, acks);
return 0;
