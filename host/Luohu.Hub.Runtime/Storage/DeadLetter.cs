using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Storage;

/// <summary>A message a flow node could not handle, kept with the reason so ops can replay or discard it.</summary>
internal sealed record DeadLetter
{
    public required string Id { get; init; }
    public required string FlowId { get; init; }

    /// <summary>The node that failed; <see langword="null"/> when the failure was not in one node.</summary>
    public string? NodeId { get; init; }
    public required string MessageId { get; init; }
    public required string Topic { get; init; }

    /// <summary>The payload as UTF-8 JSON text.</summary>
    public required string Payload { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public required string Source { get; init; }
    public required DateTimeOffset MessageTimestamp { get; init; }

    /// <summary>A short reason a person reads first (e.g. <c>script threw</c>, <c>action timed out</c>).</summary>
    public required string Reason { get; init; }

    /// <summary>The error text in full, if any.</summary>
    public string? Error { get; init; }
    public required DateTimeOffset At { get; init; }
    public int ReplayCount { get; init; }
    public DeadLetterState State { get; init; } = DeadLetterState.Pending;

    /// <summary>A pending dead letter for <paramref name="message"/> with a new time-ordered id.</summary>
    public static DeadLetter Create(HubMessage message, string flowId, string? nodeId, string reason, string? error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new DeadLetter
        {
            Id = Guid.CreateVersion7(at).ToString("N"),
            FlowId = flowId,
            NodeId = nodeId,
            MessageId = message.Id,
            Topic = message.Topic,
            Payload = message.PayloadAsString(),
            Headers = message.Headers,
            Source = message.Source,
            MessageTimestamp = message.Timestamp,
            Reason = reason,
            Error = error,
            At = at,
        };
    }

    /// <summary>The original message, to publish again on replay (same id, so consumers can spot the repeat).</summary>
    public HubMessage ToMessage() => new()
    {
        Id = MessageId,
        Topic = Topic,
        Payload = System.Text.Encoding.UTF8.GetBytes(Payload),
        Headers = Headers,
        Timestamp = MessageTimestamp,
        Source = Source,
    };
}
