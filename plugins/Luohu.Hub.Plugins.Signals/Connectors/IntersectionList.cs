namespace Luohu.Hub.Plugins.Signals.Connectors;

/// <summary>Output of <c>signals.list-intersections</c>.</summary>
/// <param name="Intersections">The intersections.</param>
internal sealed record IntersectionList(IReadOnlyList<IntersectionInfo> Intersections);
