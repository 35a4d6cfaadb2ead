using System.Diagnostics;

namespace Luohu.Hub.Runtime.Telemetry;

/// <summary>
/// W3C trace context in message headers: MQTT 5 user properties and HTTP headers become message headers at the edge,
/// and the headers of what the hub publishes carry its publish span out again.
/// </summary>
internal static class TraceContext
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    /// <summary>The remote parent named by a message's headers, or default when none (or a malformed one) is there.</summary>
    public static ActivityContext Extract(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null || headers.Count == 0 || !headers.TryGetValue(TraceParent, out var parent))
        {
            return default;
        }

        headers.TryGetValue(TraceState, out var state);
        return ActivityContext.TryParse(parent, state, isRemote: true, out var context) ? context : default;
    }

    /// <summary>
    /// <paramref name="headers"/> with the trace context of <paramref name="activity"/>, replacing what came in with the
    /// message; unchanged without an activity (nothing listens), so an upstream parent still passes through.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Inject(Activity? activity, IReadOnlyDictionary<string, string> headers)
    {
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C)
        {
            return headers;
        }

        var result = new Dictionary<string, string>(headers.Count + 2, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            result[name] = value;
        }

        result[TraceParent] = activity.Id!;
        if (activity.TraceStateString is { Length: > 0 } state)
        {
            result[TraceState] = state;
        }
        else
        {
            result.Remove(TraceState);
        }

        return result;
    }
}
