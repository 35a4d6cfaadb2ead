namespace Luohu.Hub.Plugins.Parking.Model;

/// <summary>The status word drivers and signs show.</summary>
internal static class CarParkStatus
{
    public const string Full = "full";
    public const string NearlyFull = "nearly-full";
    public const string Available = "available";

    public static IReadOnlyList<string> All { get; } = [Full, NearlyFull, Available];

    public static string Of(int free, int total) =>
        free <= 0 ? Full
        : free < total * 0.1 || free < 10 ? NearlyFull
        : Available;
}
