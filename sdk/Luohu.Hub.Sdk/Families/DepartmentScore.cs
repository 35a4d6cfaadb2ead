namespace Luohu.Hub.Sdk.Families;

/// <summary>A department and the engine's confidence that it should handle a complaint.</summary>
/// <param name="Department">The department id.</param>
/// <param name="Confidence">0 to 1.</param>
public sealed record DepartmentScore(string Department, double Confidence);
