namespace Luohu.Hub.Plugins.Signals.Connectors;

/// <summary>Input of <c>signals.list-intersections</c>.</summary>
/// <param name="NearHospital">Only intersections near (true) or not near (false) a hospital; null lists all.</param>
internal sealed record ListIntersectionsRequest(bool? NearHospital = null);
