using Quartz;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// Naming of a flow's Quartz jobs: one group per flow (<c>flow:{flowId}</c>), so undeploying lists and deletes
/// exactly its jobs; <c>schedule:{nodeId}</c> for a schedule trigger, <c>timer:{nodeId}:{messageId}</c> per timer.
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

    public static string Group(string flowId) => "flow:" + flowId;

    public static JobKey Schedule(string flowId, string nodeId) => new(SchedulePrefix + nodeId, Group(flowId));

    public static JobKey Timer(string flowId, string nodeId, string messageId) => new($"{TimerPrefix}{nodeId}:{messageId}", Group(flowId));

    /// <summary>The node id of a timer job's name, or null for another kind of job.</summary>
    public static string? TimerNodeOf(JobKey key)
    {
        if (!key.Name.StartsWith(TimerPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = key.Name[TimerPrefix.Length..];
        var colon = rest.LastIndexOf(':');
        return colon > 0 ? rest[..colon] : null;
    }
}
