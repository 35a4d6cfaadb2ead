using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Persistence;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Flows;

/// <inheritdoc cref="IDeadLetterService"/>
internal sealed class DeadLetterService(IDeadLetterRepository store, FlowEngine engine, TimeProvider timeProvider, ILogger<DeadLetterService> logger) : IDeadLetterService
{
    public Task<IReadOnlyList<DeadLetterRecord>> ListAsync(string? flowId, string? state, int skip, int take, CancellationToken cancellationToken) =>
        store.ListAsync(flowId, state, skip, Math.Clamp(take, 1, 1000), cancellationToken);

    public Task<DeadLetterRecord?> GetAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    public async Task<string> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        var letter = await store.GetAsync(id, cancellationToken)
            ?? throw new FlowException(FlowErrorKind.NotFound, $"No dead letter with id '{id}'. GET /api/v1/dead-letters lists them.");
        var running = engine.Find(letter.FlowId)
            ?? throw new FlowException(FlowErrorKind.Conflict, $"Flow '{letter.FlowId}' is not deployed, so dead letter '{id}' cannot be replayed. Deploy the flow first.");
        var snapshot = running.Current;
        if (!snapshot.TryGetNode(letter.NodeId, out var index))
        {
            throw new FlowException(FlowErrorKind.Conflict,
                $"Node '{letter.NodeId}' of flow '{letter.FlowId}' no longer exists in the deployed version {snapshot.Version}, so dead letter '{id}' cannot be replayed there. Discard it, or deploy a version with that node.");
        }

        var body = JsonNode.Parse(letter.MessageJson) as JsonObject
            ?? FlowMessage.Create(letter.OriginId ?? id, letter.Topic, null, null).Body;
        body.Remove("error");
        var message = new FlowMessage(FlowMessage.NewId(), letter.OriginId ?? letter.Id, body);
        await store.MarkReplayedAsync(id, timeProvider.GetUtcNow(), cancellationToken);
        await snapshot.RunNodeAsync(index, message, cancellationToken);
        FlowLog.Replayed(logger, id, letter.FlowId, letter.NodeId);
        return message.Id;
    }

    public async Task DiscardAsync(string id, CancellationToken cancellationToken)
    {
        _ = await store.GetAsync(id, cancellationToken)
            ?? throw new FlowException(FlowErrorKind.NotFound, $"No dead letter with id '{id}'.");
        await store.DiscardAsync(id, cancellationToken);
    }
}
