namespace Luohu.Hub.Sdk.Families;

/// <summary>The candidates of a face match, best first.</summary>
/// <param name="Matches">The candidates at or above the threshold.</param>
public sealed record FaceMatchResult(IReadOnlyList<FaceMatch> Matches);
