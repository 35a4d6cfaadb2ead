namespace Luohu.Hub.Plugins.Signals.Simulation;

/// <summary>The payload of <c>signals/{intersectionId}/state</c>: an intersection changed phase, plan or mode.</summary>
/// <param name="Intersection">The intersection id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Phase">The phase now green.</param>
/// <param name="PreviousPhase">The phase green before; equal to <paramref name="Phase"/> when only the plan or mode changed.</param>
/// <param name="Plan">The timing plan in force.</param>
/// <param name="Mode"><c>plan</c>, or <c>override</c> while a phase is held.</param>
/// <param name="PhaseEndsAt">When the phase ends (district time, UTC+8).</param>
/// <param name="Timestamp">When the change happened (district time, UTC+8).</param>
internal sealed record PhaseChange(
    string Intersection,
    string Name,
    string Phase,
    string PreviousPhase,
    string Plan,
    string Mode,
    DateTimeOffset PhaseEndsAt,
    DateTimeOffset Timestamp)
{
    public static string TopicOf(string intersectionId) => $"signals/{intersectionId}/state";
}
