namespace Luohu.Hub.Runtime.Security;

/// <summary>One stored audit entry; <see cref="Hash"/> is SHA-256 over its fields and <see cref="PreviousHash"/>.</summary>
internal sealed record AuditEntry
{
    public required long Sequence { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string ActorKind { get; init; }
    public string? RemoteIp { get; init; }
    public required string Action { get; init; }
    public string? Target { get; init; }
    public required string Outcome { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? Detail { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}
