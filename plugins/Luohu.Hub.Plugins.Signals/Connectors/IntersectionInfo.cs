using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Signals.Connectors;

/// <summary>One intersection as <c>signals.list-intersections</c> describes it.</summary>
/// <param name="Id">LH-X001 … LH-X024.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Phases">Its phases in cycle order, with min and max green.</param>
/// <param name="Plans">The timing plans it can run.</param>
/// <param name="NearHospital">Whether it serves a hospital (and so has the elderly-crossing plan).</param>
/// <param name="Hospital">Which hospital, when it does.</param>
internal sealed record IntersectionInfo(
    string Id,
    string Name,
    string NameEn,
    GeoPoint Location,
    IReadOnlyList<SignalPhase> Phases,
    IReadOnlyList<string> Plans,
    bool NearHospital,
    string? Hospital);
