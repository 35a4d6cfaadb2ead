namespace Luohu.Hub.Runtime.Security;

/// <summary>What happened, as a caller reports it; the log adds the time, sequence and hashes.</summary>
internal sealed record AuditEvent
{
    /// <summary>User name, <c>key:{name}</c>, <c>flow:{id}</c>, or <c>system</c>.</summary>
    public required string Actor { get; init; }

    /// <summary><c>user</c>, <c>key</c>, <c>flow</c>, <c>system</c> or <c>anonymous</c>.</summary>
    public required string ActorKind { get; init; }

    /// <summary>Dotted verb, e.g. <c>session.sign-in</c>, <c>flow.deploy</c>, <c>capability.call</c>.</summary>
    public required string Action { get; init; }
    public string? Target { get; init; }

    /// <summary><c>ok</c>, <c>denied</c>, <c>failed</c> or <c>locked-out</c>.</summary>
    public string Outcome { get; init; } = "ok";
    public string? RemoteIp { get; init; }

    /// <summary>JSON of the state before the change, where it applies. Never a secret value.</summary>
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? Detail { get; init; }
}
