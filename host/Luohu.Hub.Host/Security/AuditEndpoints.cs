using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary><c>/api/v1/audit</c>: the hash-chained log, newest first, and its verification.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Security");
        audit.MapGet("/", (string? actor, string? action, string? target, DateTimeOffset? from, DateTimeOffset? to, long? before, int? limit, IAuditLog log, CancellationToken ct) =>
                log.QueryAsync(new AuditQuery { Actor = actor, Action = action, Target = target, From = from, To = to, Before = before, Limit = limit ?? 50 }, ct))
            .WithSummary("Audit entries, newest first; filters actor, action (flow.* for a prefix), target, from, to; page with before={next}.");
        audit.MapGet("/verify", (IAuditLog log, CancellationToken ct) => log.VerifyAsync(ct))
            .WithSummary("Walks the hash chain: { ok, entries, firstBrokenSequence?, reason? }.");
        return api;
    }
}
