using System.Collections.Concurrent;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>The shadow comparisons of every capability that has a shadow vendor; one starts afresh whenever its choice changes.</summary>
internal sealed class ShadowStatistics
{
    private readonly ConcurrentDictionary<string, ShadowComparison> _comparisons = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ShadowStatistics(VendorChoices choices, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(choices);
        _time = time;
        choices.Changed += capability => _comparisons.TryRemove(capability, out _);
    }

    /// <summary>The comparison of <paramref name="capability"/> between these two vendors, started if it is new.</summary>
    public ShadowComparison For(string capability, string serving, string shadow)
    {
        var comparison = _comparisons.GetOrAdd(capability, c => new ShadowComparison(c, serving, shadow, _time.GetUtcNow()));
        if (comparison.Serving.PluginId == serving && comparison.Shadow.PluginId == shadow)
        {
            return comparison;
        }

        // The serving vendor changed under a default choice (a plugin stopped): compare the new pair from zero.
        var fresh = new ShadowComparison(capability, serving, shadow, _time.GetUtcNow());
        _comparisons[capability] = fresh;
        return fresh;
    }

    public ShadowView? View(string capability) => _comparisons.TryGetValue(capability, out var c) ? c.View() : null;
}
