namespace Luohu.Hub.Sdk.Families;

/// <summary>The outcome of <see cref="ISignalController.RunTimingPlanAsync"/>.</summary>
/// <param name="IntersectionId">The intersection id.</param>
/// <param name="PlanId">The plan now in force.</param>
/// <param name="StartedAt">When it took effect.</param>
public sealed record RunTimingPlanResult(string IntersectionId, string PlanId, DateTimeOffset StartedAt);
