namespace Luohu.Hub.Plugins.Water.Model;

/// <summary>Names and units of the station kinds, as readings carry them.</summary>
internal static class StationKinds
{
    public const string Flow = "water.flow";
    public const string Level = "water.level";
    public const string Turbidity = "water.turbidity";

    public static IReadOnlyList<string> Measures { get; } = [Flow, Level, Turbidity];

    public static string MeasureOf(StationKind kind) => kind switch
    {
        StationKind.Outfall or StationKind.StormDrain => Flow,
        StationKind.Waterlogging => Level,
        _ => Turbidity,
    };

    public static string UnitOf(StationKind kind) => kind switch
    {
        StationKind.Outfall or StationKind.StormDrain => "m3/s",
        StationKind.Waterlogging => "cm",
        _ => "NTU",
    };

    public static string TopicLevelOf(StationKind kind) => kind switch
    {
        StationKind.Outfall or StationKind.StormDrain => "flow",
        StationKind.Waterlogging => "level",
        _ => "turbidity",
    };
}
