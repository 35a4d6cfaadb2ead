namespace Luohu.Hub.Sdk.Families;

/// <summary>The outcome of <see cref="ISignalController.SetPhaseAsync"/>.</summary>
/// <param name="IntersectionId">The intersection id.</param>
/// <param name="PhaseId">The phase now held.</param>
/// <param name="HeldUntil">When the controller resumes its plan.</param>
public sealed record SetPhaseResult(string IntersectionId, string PhaseId, DateTimeOffset HeldUntil);
