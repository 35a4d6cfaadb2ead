using System.Diagnostics;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Telemetry;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>
/// The outcome of one action call, measured once: into the connector's totals (what the plugins API shows), the
/// <c>luohu.plugin.call.duration</c> histogram (what an exporter sees) and the call's span.
/// </summary>
internal readonly struct CallRecorder(ConnectorStats stats, HubMetrics metrics, Activity? activity, TimeProvider time, long started)
{
    public void Succeeded() => Record(failed: false, timedOut: false, error: null, "ok");

    public void Failed(string error, bool timedOut = false) => Record(failed: true, timedOut, error, timedOut ? "timeout" : "failed");

    /// <summary>Refused before reaching the plugin (open circuit, stopped process): counted apart, no latency.</summary>
    public void Rejected(string reason)
    {
        stats.RecordRejected();
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        activity?.SetTag(HubTelemetry.OutcomeTag, "rejected");
    }

    private void Record(bool failed, bool timedOut, string? error, string outcome)
    {
        var elapsed = time.GetElapsedTime(started);
        stats.RecordCall(elapsed, failed, timedOut, error);
        metrics.PluginCallDuration.Record(elapsed.TotalSeconds,
            new(HubTelemetry.PluginTag, stats.PluginId), new(HubTelemetry.CapabilityTag, stats.Id), new(HubTelemetry.OutcomeTag, outcome));
        if (activity is not null)
        {
            activity.SetTag(HubTelemetry.OutcomeTag, outcome);
            if (failed)
            {
                activity.SetStatus(ActivityStatusCode.Error, error);
            }
        }
    }
}
