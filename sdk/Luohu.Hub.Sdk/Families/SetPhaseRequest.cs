namespace Luohu.Hub.Sdk.Families;

/// <summary>Holds a phase green for a while.</summary>
/// <param name="IntersectionId">The intersection id.</param>
/// <param name="PhaseId">The phase to hold green.</param>
/// <param name="DurationSeconds">How long, within the phase's min and max green.</param>
/// <param name="Reason">Why, for the controller's log (e.g. <c>fire engine FE-12 green wave</c>).</param>
public sealed record SetPhaseRequest(string IntersectionId, string PhaseId, int DurationSeconds, string? Reason = null);
