using System.Text.Json;

namespace Luohu.Hub.Runtime.Storage.Sqlite.Rows;

/// <summary>A <c>dead_letters</c> row as Dapper reads and writes it (headers as a JSON object).</summary>
internal sealed class DeadLetterRow
{
    public string Id { get; set; } = "";
    public string FlowId { get; set; } = "";
    public string? NodeId { get; set; }
    public string MessageId { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Payload { get; set; } = "";
    public string Headers { get; set; } = "{}";
    public string Source { get; set; } = "";
    public long MessageTimestamp { get; set; }
    public string Reason { get; set; } = "";
    public string? Error { get; set; }
    public long At { get; set; }
    public long ReplayCount { get; set; }
    public string State { get; set; } = "";

    public static DeadLetterRow From(DeadLetter letter) => new()
    {
        Id = letter.Id,
        FlowId = letter.FlowId,
        NodeId = letter.NodeId,
        MessageId = letter.MessageId,
        Topic = letter.Topic,
        Payload = letter.Payload,
        Headers = JsonSerializer.Serialize(letter.Headers),
        Source = letter.Source,
        MessageTimestamp = UnixTime.ToMs(letter.MessageTimestamp),
        Reason = letter.Reason,
        Error = letter.Error,
        At = UnixTime.ToMs(letter.At),
        ReplayCount = letter.ReplayCount,
        State = StoreText.Of(letter.State),
    };

    public DeadLetter ToRecord() => new()
    {
        Id = Id,
        FlowId = FlowId,
        NodeId = NodeId,
        MessageId = MessageId,
        Topic = Topic,
        Payload = Payload,
        Headers = JsonSerializer.Deserialize<Dictionary<string, string>>(Headers) ?? [],
        Source = Source,
        MessageTimestamp = UnixTime.FromMs(MessageTimestamp),
        Reason = Reason,
        Error = Error,
        At = UnixTime.FromMs(At),
        ReplayCount = (int)ReplayCount,
        State = Enum.Parse<DeadLetterState>(State, ignoreCase: true),
    };
}
