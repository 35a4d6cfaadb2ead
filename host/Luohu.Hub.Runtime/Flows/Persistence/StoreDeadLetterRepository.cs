using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>
/// Dead letters in the hub's store. The store keeps a bus message's shape (topic, payload, headers), so the
/// fields a flow added to the message beside those three are not kept; the node type and flow version travel
/// in the error text's first line (<c>script@v3: ...</c>).
/// </summary>
internal sealed class StoreDeadLetterRepository(IDeadLetterStore store) : IDeadLetterRepository
{
    private const int MaxReasonLength = 200;

    public async Task AddAsync(DeadLetterRecord deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var body = JsonNode.Parse(deadLetter.MessageJson) as JsonObject ?? [];
        var message = new FlowMessage(deadLetter.Id, deadLetter.OriginId ?? deadLetter.Id, body);
        var reason = deadLetter.Reason.Length > MaxReasonLength ? deadLetter.Reason[..MaxReasonLength] + "…" : deadLetter.Reason;
        await store.AddAsync(new DeadLetter
        {
            Id = deadLetter.Id,
            FlowId = deadLetter.FlowId,
            NodeId = deadLetter.NodeId,
            MessageId = message.OriginId,
            Topic = deadLetter.Topic,
            Payload = JsonSerializer.Serialize(message.Payload),
            Headers = message.HeadersAsStrings(),
            Source = $"flow:{deadLetter.FlowId}/{deadLetter.NodeId}",
            MessageTimestamp = deadLetter.CreatedAt,
            Reason = reason,
            Error = $"{deadLetter.NodeType}@v{deadLetter.FlowVersion}: {deadLetter.Reason}",
            At = deadLetter.CreatedAt,
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DeadLetterRecord>> ListAsync(string? flowId, string? state, int skip, int take, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(new DeadLetterQuery { FlowId = flowId, State = ParseState(state), Skip = skip, Take = Math.Clamp(take, 1, 1000) }, cancellationToken)).Select(ToRecord)];

    public async Task<DeadLetterRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } letter ? ToRecord(letter) : null;

    public async Task MarkReplayedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) => await store.MarkReplayedAsync(id, cancellationToken);

    public async Task DiscardAsync(string id, CancellationToken cancellationToken) => await store.DiscardAsync(id, cancellationToken);

    private static DeadLetterState? ParseState(string? state) => state switch
    {
        null => null,
        DeadLetterStates.Pending => DeadLetterState.Pending,
        DeadLetterStates.Replayed => DeadLetterState.Replayed,
        DeadLetterStates.Discarded => DeadLetterState.Discarded,
        _ => throw new FlowException(FlowErrorKind.Invalid, $"Unknown dead-letter state '{state}'; use pending, replayed or discarded."),
    };

    private static DeadLetterRecord ToRecord(DeadLetter letter)
    {
        var (nodeType, version, reason) = ParseError(letter.Error, letter.Reason);
        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(letter.Payload);
        }
        catch (JsonException)
        {
            payload = JsonValue.Create(letter.Payload);
        }

        var message = FlowMessage.Create(letter.MessageId, letter.Topic, payload, letter.Headers);
        return new DeadLetterRecord
        {
            Id = letter.Id,
            FlowId = letter.FlowId,
            FlowVersion = version,
            NodeId = letter.NodeId ?? string.Empty,
            NodeType = nodeType,
            Reason = reason,
            Topic = letter.Topic,
            MessageJson = message.Body.ToJsonString(),
            OriginId = letter.MessageId,
            CreatedAt = letter.At,
            State = letter.State switch
            {
                DeadLetterState.Replayed => DeadLetterStates.Replayed,
                DeadLetterState.Discarded => DeadLetterStates.Discarded,
                _ => DeadLetterStates.Pending,
            },
            ReplayCount = letter.ReplayCount,
        };
    }

    private static (string? NodeType, int Version, string Reason) ParseError(string? error, string fallback)
    {
        if (error is null)
        {
            return (null, 0, fallback);
        }

        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        var at = colon > 0 ? error.LastIndexOf("@v", colon, StringComparison.Ordinal) : -1;
        if (at <= 0 || !int.TryParse(error.AsSpan(at + 2, colon - at - 2), System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return (null, 0, error);
        }

        return (error[..at], version, error[(colon + 2)..]);
    }
}
