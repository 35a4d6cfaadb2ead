namespace Luohu.Hub.Sdk.Families;

/// <summary>An intersection's state.</summary>
/// <param name="IntersectionId">The intersection id.</param>
/// <param name="Name">Display name.</param>
/// <param name="CurrentPhase">The phase now green.</param>
/// <param name="PhaseStartedAt">When the current phase began.</param>
/// <param name="PhaseEndsAt">When the current phase ends, when known.</param>
/// <param name="ActivePlan">The timing plan in force.</param>
/// <param name="Mode">How it is controlled: <c>plan</c>, <c>override</c> (a held phase) or <c>fault</c>.</param>
/// <param name="Phases">Every phase of the intersection.</param>
/// <param name="Plans">The timing plans it can run.</param>
/// <param name="Location">Where it is.</param>
public sealed record IntersectionState(
    string IntersectionId,
    string Name,
    string CurrentPhase,
    DateTimeOffset PhaseStartedAt,
    DateTimeOffset? PhaseEndsAt,
    string ActivePlan,
    string Mode,
    IReadOnlyList<SignalPhase> Phases,
    IReadOnlyList<string> Plans,
    GeoPoint? Location);
