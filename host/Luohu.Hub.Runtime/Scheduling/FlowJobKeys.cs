using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// Naming of a flow's Quartz jobs: one group per flow (<c>flow:{flowId}</c>), so undeploying lists and deletes
/// exactly its jobs; <c>schedule:{nodeId}</c> for a schedule trigger, <c>timer:{nodeId}:{messageId}</c> per timer, and
/// <c>timer:{nodeId}:{messageId}:{key}</c> (the key URI-escaped, so it holds no colon) for a timer of a node with a
/// <c>keyPath</c>, so a <c>timer.cancel</c> finds a key's timers from the job names alone. Node ids hold no colon.
/// </summary>
internal static class FlowJobKeys
{
    public const string SchedulePrefix = "schedule:";
    public const string TimerPrefix = "timer:";

    // Job data keys: plain strings only, so a persistent store serializes them without custom types.
    public const string FlowId = "flowId";
    public const string NodeId = "nodeId";
    public const string Signature = "signature";
    public const string Message = "message";
    public const string OriginId = "originId";
    public const string Key = "key";
    public const string Sequence = "sequence";

    public static string Group(string flowId) => "flow:" + flowId;

    public static JobKey Schedule(string flowId, string nodeId) => new(SchedulePrefix + nodeId, Group(flowId));

    public static JobKey Timer(string flowId, string nodeId, string messageId, string? key = null) =>
        new(key is null ? $"{TimerPrefix}{nodeId}:{messageId}" : $"{TimerPrefix}{nodeId}:{messageId}:{Uri.EscapeDataString(key)}", Group(flowId));

    /// <summary>The node id of a timer job's name, or null for another kind of job.</summary>
    public static string? TimerNodeOf(JobKey key) => TimerParts(key) is { } parts ? parts.NodeId : null;

    /// <summary>The key of a timer job's name, or null for a timer without one (or another kind of job).</summary>
    public static string? TimerKeyOf(JobKey key) => TimerParts(key) is { Key: { } escaped } ? Uri.UnescapeDataString(escaped) : null;

    private static (string NodeId, string? Key)? TimerParts(JobKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Name.StartsWith(TimerPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = key.Name[TimerPrefix.Length..].Split(':');
        return parts.Length switch
        {
            2 when parts[0].Length > 0 => (parts[0], null),
            3 when parts[0].Length > 0 => (parts[0], parts[2]),
            _ => null,
        };
    }
}
