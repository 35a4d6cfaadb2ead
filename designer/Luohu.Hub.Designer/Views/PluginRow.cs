using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Designer.Views;

/// <summary>One line of the plugin catalogue.</summary>
internal sealed record PluginRow(
    string Id,
    string Name,
    string Vendor,
    string Version,
    IReadOnlyList<string> Families,
    IReadOnlyList<string> Connectors,
    PluginState State,
    string Health,
    string? Reason,
    double ErrorRate,
    double? LatencyP50Ms,
    double? LatencyP99Ms)
{
    /// <summary>
    /// The worst connector decides the error rate and latency: one failing action is what ops must notice, and
    /// an average over connectors would hide it. Latency counts only connectors that were called.
    /// </summary>
    public static PluginRow From(PluginSnapshot plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var called = plugin.Connectors.Where(c => c.Kind != ConnectorKind.EventSource && c.Metrics.Calls > 0).ToList();
        return new PluginRow(
            plugin.Id,
            plugin.Name,
            plugin.Vendor,
            plugin.Version,
            [.. plugin.Connectors.Select(c => c.Family).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. plugin.Connectors.Select(c => c.Id)],
            plugin.State,
            plugin.Health,
            plugin.Reason,
            plugin.Connectors.Count == 0 ? 0 : plugin.Connectors.Max(c => c.Metrics.ErrorRate),
            called.Count == 0 ? null : called.Max(c => c.Metrics.LatencyP50Ms),
            called.Count == 0 ? null : called.Max(c => c.Metrics.LatencyP99Ms));
    }

    public static IReadOnlyList<PluginRow> All(IEnumerable<PluginSnapshot> plugins) =>
        [.. plugins.Select(From).OrderBy(p => p.Name, StringComparer.CurrentCulture)];
}
