namespace Luohu.Hub.Runtime.Security;

/// <summary>Filters of <c>GET /api/v1/audit</c>; newest first, paged by sequence.</summary>
internal sealed record AuditQuery
{
    public string? Actor { get; init; }

    /// <summary>Exact action, or a prefix when it ends with <c>*</c> (<c>flow.*</c>).</summary>
    public string? Action { get; init; }
    public string? Target { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>Only entries older than this sequence (the previous page's <c>next</c>).</summary>
    public long? Before { get; init; }

    /// <summary>Page size, 1–500; default 50.</summary>
    public int Limit { get; init; } = 50;
}
