namespace Luohu.Hub.Sdk.Families;

/// <summary>The department a complaint should go to.</summary>
/// <param name="Department">The most likely department id.</param>
/// <param name="Confidence">0 to 1.</param>
/// <param name="Alternatives">Other candidates, best first.</param>
public sealed record ComplaintClassification(string Department, double Confidence, IReadOnlyList<DepartmentScore> Alternatives);
