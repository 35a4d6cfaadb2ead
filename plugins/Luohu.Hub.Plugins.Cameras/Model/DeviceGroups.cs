namespace Luohu.Hub.Plugins.Cameras.Model;

/// <summary>The device groups grants narrow cameras by.</summary>
internal static class DeviceGroups
{
    /// <summary>Crossings by the district's hospitals: elderly and wheelchair pedestrians lengthen the crossing.</summary>
    public const string HospitalCrossings = "hospital-crossings";

    /// <summary>School gates: the education bureau sees these only.</summary>
    public const string SchoolGates = "school-gates";

    /// <summary>Main roads: plates and honking captured by acoustic arrays.</summary>
    public const string MainRoads = "main-roads";

    public static IReadOnlyList<string> All { get; } = [HospitalCrossings, SchoolGates, MainRoads];
}
