namespace Luohu.Hub.Plugins.Signals.Model;

/// <summary>A timing plan: how many seconds of green each phase gets per cycle.</summary>
/// <param name="Id">normal, peak-am, peak-pm, night or elderly-crossing.</param>
/// <param name="GreenSeconds">Green seconds by phase id; the amber and all-red that follow are included.</param>
internal sealed record TimingPlan(string Id, IReadOnlyDictionary<string, int> GreenSeconds)
{
    public int CycleSeconds => GreenSeconds.Values.Sum();
}
