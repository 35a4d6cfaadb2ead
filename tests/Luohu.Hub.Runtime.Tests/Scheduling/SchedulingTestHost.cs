using Luohu.Hub.Runtime.Scheduling;
using Luohu.Hub.Runtime.Tests.Flows;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Luohu.Hub.Runtime.Tests.Scheduling;

/// <summary>The flow test host with the scheduler, and a look into the scheduler's jobs.</summary>
internal static class SchedulingTestHost
{
    public static FlowTestHost Create() => new(services => services.AddHubScheduling());

    public static async Task<IReadOnlyList<string>> JobNamesAsync(this FlowTestHost host, string flowId) =>
        [.. (await host.Provider.GetRequiredService<FlowScheduler>().JobKeysAsync(flowId, CancellationToken.None)).Select(k => k.Name)];

    public static async Task<string?> SignatureAsync(this FlowTestHost host, string flowId, string nodeId)
    {
        var scheduler = await host.Provider.GetRequiredService<FlowScheduler>().GetAsync(CancellationToken.None);
        var detail = await scheduler.GetJobDetail(FlowJobKeys.Schedule(flowId, nodeId), CancellationToken.None);
        return detail?.JobDataMap.GetString(FlowJobKeys.Signature);
    }

    public static async Task<DateTimeOffset?> NextFireAsync(this FlowTestHost host, string flowId, string nodeId)
    {
        var scheduler = await host.Provider.GetRequiredService<FlowScheduler>().GetAsync(CancellationToken.None);
        var key = FlowJobKeys.Schedule(flowId, nodeId);
        var trigger = await scheduler.GetTrigger(new TriggerKey(key.Name, key.Group), CancellationToken.None);
        return trigger?.NextFireTimeUtc;
    }

    /// <summary>A flow whose schedule trigger <c>tick</c> publishes on <c>test/{id}/out</c>.</summary>
    public static string ScheduleFlow(string id, string scheduleConfig) => $$"""
        { "id": "{{id}}", "name": "Test {{id}}", "department": "traffic",
          "nodes": [ { "id": "tick", "type": "trigger.schedule", "config": {{scheduleConfig}} },
                     { "id": "out", "type": "publish", "config": { "topic": "test/{{id}}/out" } } ],
          "wires": [ { "from": "tick", "to": "out" } ] }
        """;
}
