using System.Globalization;
using Luohu.Hub.Designer.Hosting;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Plugins;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// The plugin catalogue: state changes arrive live from <see cref="IPluginManager.StateChanged"/>; error rate and
/// latency are re-read at the refresh interval.
/// </summary>
public sealed partial class Plugins : IDisposable
{
    private RefreshTimer? refresher;

    [Inject]
    private IPluginManager Manager { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IOptions<DesignerOptions> Options { get; set; } = default!;

    private IReadOnlyList<PluginRow> Rows { get; set; } = [];

    protected override void OnInitialized()
    {
        Rows = PluginRow.All(Manager.List());
        Manager.StateChanged += OnStateChanged;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            refresher = new RefreshTimer(Time, Options.Value.RefreshInterval, () => InvokeAsync(Reload));
        }
    }

    public void Dispose()
    {
        Manager.StateChanged -= OnStateChanged;
        refresher?.Dispose();
    }

    private void OnStateChanged(object? sender, PluginStateChangedEventArgs e) => _ = InvokeAsync(Reload);

    private void Reload()
    {
        Rows = PluginRow.All(Manager.List());
        StateHasChanged();
    }

    private string StateText(PluginState state) => L["PluginState" + state];

    private static string StateCss(PluginState state) => state switch
    {
        PluginState.Running => "badge badge-good",
        PluginState.Degraded or PluginState.Loading => "badge badge-warn",
        PluginState.Faulted or PluginState.Quarantined => "badge badge-bad",
        _ => "badge badge-neutral",
    };

    private string HealthText(string health) => L["Health" + health];

    private static string HealthCss(string health) => health switch
    {
        "Healthy" => "dot dot-good",
        "Degraded" => "dot dot-warn",
        _ => "dot dot-bad",
    };

    private string Latency(PluginRow plugin) => plugin.LatencyP50Ms is { } p50
        ? string.Format(CultureInfo.CurrentCulture, L["LatencyValue"], p50, plugin.LatencyP99Ms ?? p50)
        : "—";
}
