namespace Luohu.Hub.Sdk.Families;

/// <summary>One phase of an intersection's cycle.</summary>
/// <param name="PhaseId">The phase id, e.g. <c>NS-through</c>.</param>
/// <param name="Description">What moves in this phase.</param>
/// <param name="MinGreenSeconds">The shortest green the controller allows.</param>
/// <param name="MaxGreenSeconds">The longest green the controller allows.</param>
public sealed record SignalPhase(string PhaseId, string Description, int MinGreenSeconds, int MaxGreenSeconds);
