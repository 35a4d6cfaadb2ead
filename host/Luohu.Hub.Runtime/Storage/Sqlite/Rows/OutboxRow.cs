using Luohu.Hub.Runtime.Outbox;

namespace Luohu.Hub.Runtime.Storage.Sqlite.Rows;

/// <summary>An <c>outbox</c> row as Dapper reads and writes it.</summary>
internal sealed class OutboxRow
{
    public string Key { get; set; } = "";
    public string Capability { get; set; } = "";
    public string FlowId { get; set; } = "";
    public long FlowVersion { get; set; }
    public string NodeId { get; set; } = "";
    public string MessageId { get; set; } = "";
    public string? Department { get; set; }
    public string? Provider { get; set; }
    public string CorrelationId { get; set; } = "";
    public string Input { get; set; } = "";
    public string State { get; set; } = "";
    public long Attempts { get; set; }
    public string? Result { get; set; }
    public string? LastError { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolutionNote { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public static OutboxRow From(OutboxEntry e) => new()
    {
        Key = e.Key, Capability = e.Capability, FlowId = e.FlowId, FlowVersion = e.FlowVersion, NodeId = e.NodeId, MessageId = e.MessageId,
        Department = e.Department, Provider = e.Provider, CorrelationId = e.CorrelationId, Input = e.Input, State = e.State,
        Attempts = e.Attempts, Result = e.Result, LastError = e.LastError, ResolvedBy = e.ResolvedBy, ResolutionNote = e.ResolutionNote,
        CreatedAt = UnixTime.ToMs(e.CreatedAt), UpdatedAt = UnixTime.ToMs(e.UpdatedAt),
    };

    public OutboxEntry ToEntry() => new()
    {
        Key = Key, Capability = Capability, FlowId = FlowId, FlowVersion = (int)FlowVersion, NodeId = NodeId, MessageId = MessageId,
        Department = Department, Provider = Provider, CorrelationId = CorrelationId, Input = Input, State = State,
        Attempts = (int)Attempts, Result = Result, LastError = LastError, ResolvedBy = ResolvedBy, ResolutionNote = ResolutionNote,
        CreatedAt = UnixTime.FromMs(CreatedAt), UpdatedAt = UnixTime.FromMs(UpdatedAt),
    };
}
