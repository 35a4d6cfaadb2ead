using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Sdk.Families;

/// <summary>
/// A vendor's traffic-signal controllers. State changes stream as events on topics
/// <c>signals/{intersectionId}/state</c>.
/// </summary>
public interface ISignalController
{
    /// <summary>Reads an intersection's current state.</summary>
    /// <param name="request">The intersection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CapabilityInputException">The intersection is unknown.</exception>
    [Capability(StandardCapabilities.SignalGetState, "Get intersection state")]
    ValueTask<IntersectionState> GetStateAsync(IntersectionStateRequest request, CancellationToken cancellationToken);

    /// <summary>Holds a phase for a duration (a green wave, a longer pedestrian crossing), then resumes the plan.</summary>
    /// <param name="request">The intersection, phase and duration.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CapabilityInputException">The intersection or phase is unknown, or the duration out of range.</exception>
    [Capability(StandardCapabilities.SignalSetPhase, "Set signal phase", Sensitive = true)]
    ValueTask<SetPhaseResult> SetPhaseAsync(SetPhaseRequest request, CancellationToken cancellationToken);

    /// <summary>Switches an intersection to a named timing plan.</summary>
    /// <param name="request">The intersection and plan.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CapabilityInputException">The intersection or plan is unknown.</exception>
    [Capability(StandardCapabilities.SignalRunPlan, "Run timing plan")]
    ValueTask<RunTimingPlanResult> RunTimingPlanAsync(RunTimingPlanRequest request, CancellationToken cancellationToken);
}
