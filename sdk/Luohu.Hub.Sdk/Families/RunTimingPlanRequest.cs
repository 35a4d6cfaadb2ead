namespace Luohu.Hub.Sdk.Families;

/// <summary>Switches an intersection to a timing plan.</summary>
/// <param name="IntersectionId">The intersection id.</param>
/// <param name="PlanId">The plan, e.g. <c>peak-am</c>, <c>elderly-crossing</c>.</param>
public sealed record RunTimingPlanRequest(string IntersectionId, string PlanId);
