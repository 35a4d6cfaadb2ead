using System.Globalization;
using Luohu.Hub.LoadHarness;

if (args.Length == 0 || args[0] != "mqtt")
{
    Console.Error.WriteLine("usage: Luohu.Hub.LoadHarness mqtt [seconds-per-rate]");
    return 2;
}

var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
await MqttLoad.RunAsync(TimeSpan.FromSeconds(seconds));
return 0;
