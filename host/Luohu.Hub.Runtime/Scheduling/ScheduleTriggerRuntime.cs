using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>A schedule trigger of one snapshot: builds the message of a fire and passes it (or an injected one) on.</summary>
internal sealed class ScheduleTriggerRuntime(NodeBuildContext context, ScheduleSettings settings) : FlowNodeRuntime(context)
{
    public ScheduleSettings Settings { get; } = settings;

    public string FlowId => Host.FlowId;

    public string NodeId => Host.NodeId;

    public FlowMessage CreateMessage(string fireId, DateTimeOffset firedAt, DateTimeOffset? scheduledAt)
    {
        var payload = Settings.Payload is JsonObject template
            ? (JsonObject)template.DeepClone()
            : new JsonObject { ["value"] = Settings.Payload?.DeepClone() };
        payload["firedAt"] = firedAt.ToUniversalTime().ToString("O");
        payload["scheduledAt"] = (scheduledAt ?? firedAt).ToUniversalTime().ToString("O");
        var topic = Settings.Topic ?? $"schedule/{Host.FlowId}/{Host.NodeId}";
        return FlowMessage.Create(fireId, topic, payload, new Dictionary<string, string> { ["source"] = "schedule" });
    }

    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken) =>
        Host.EmitAsync(0, message, cancellationToken);
}
