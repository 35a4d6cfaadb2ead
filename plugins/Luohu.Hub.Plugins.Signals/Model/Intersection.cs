using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Signals.Model;

/// <summary>A signalised intersection: its phases in cycle order and the plans it can run.</summary>
/// <param name="Id">LH-X001 … LH-X024.</param>
/// <param name="Name">Chinese name, the two crossing roads.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Hospital">The hospital it serves, when it is near one; those get the elderly-crossing plan.</param>
/// <param name="Phases">Phases in the order the controller cycles them.</param>
/// <param name="Plans">The timing plans it can run.</param>
internal sealed record Intersection(
    string Id,
    string Name,
    string NameEn,
    GeoPoint Location,
    string? Hospital,
    IReadOnlyList<SignalPhase> Phases,
    IReadOnlyList<TimingPlan> Plans)
{
    public bool NearHospital => Hospital is not null;

    public int PhaseIndex(string? phaseId) =>
        Phases.ToList().FindIndex(p => string.Equals(p.PhaseId, phaseId?.Trim(), StringComparison.OrdinalIgnoreCase));

    public TimingPlan? Plan(string? planId) =>
        Plans.FirstOrDefault(p => string.Equals(p.Id, planId?.Trim(), StringComparison.OrdinalIgnoreCase));
}
