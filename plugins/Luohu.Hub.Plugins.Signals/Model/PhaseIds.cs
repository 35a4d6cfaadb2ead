namespace Luohu.Hub.Plugins.Signals.Model;

/// <summary>The phases a district controller knows.</summary>
internal static class PhaseIds
{
    public const string NorthSouthThrough = "NS-through";
    public const string EastWestThrough = "EW-through";
    public const string NorthSouthLeft = "NS-left";
    public const string EastWestLeft = "EW-left";
    public const string Pedestrian = "pedestrian";
}
