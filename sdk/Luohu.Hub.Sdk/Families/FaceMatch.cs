namespace Luohu.Hub.Sdk.Families;

/// <summary>A candidate match.</summary>
/// <param name="SubjectId">The gallery subject.</param>
/// <param name="Score">Similarity, 0 to 1.</param>
public sealed record FaceMatch(string SubjectId, double Score);
