using System.Text.Json;
using Luohu.Hub.Host.Security;
using Luohu.Hub.Runtime.Outbox;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>/api/v1/outbox</c> (ops and admins, <see cref="ApiAccess"/>): the calls that change the world, pending and failed
/// first; retry one with its key, or resolve it by hand with a note. A non-admin sees the entries of its departments.
/// Retry and resolve are audited (<c>outbox.retry</c>, <c>outbox.resolve</c>) with the state before and after.
/// </summary>
internal static class OutboxEndpoints
{
    private const int MaxTake = 500;

    public static RouteGroupBuilder MapOutboxApi(this RouteGroupBuilder api)
    {
        var outbox = api.MapGroup("/outbox").WithTags("Outbox");
        outbox.MapGet("/", async (string? state, int? take, HttpContext http, IOutboxStore store, CancellationToken ct) =>
            {
                if (state is not null && !OutboxStates.IsKnown(state))
                {
                    throw new ApiBadRequestException("Invalid state", $"state must be pending, completed, failed or resolved, not '{state}'.");
                }

                if (take is < 1 or > MaxTake)
                {
                    throw new ApiBadRequestException("Invalid paging", $"take must be between 1 and {MaxTake}.");
                }

                var caller = Caller.From(http);
                var entries = await store.ListAsync(state, take ?? 100, ct);
                return entries.Where(e => Sees(caller, e)).Select(OutboxEntryView.From).ToList();
            })
            .WithSummary("Newest first; ?state=pending|completed|failed|resolved, ?take= (100, at most 500).");
        outbox.MapGet("/status", async (IOutboxStore store, OutboxMetrics metrics, CancellationToken ct) =>
        {
            var counts = await store.CountAsync(ct);
            metrics.Counted(counts);
            return counts;
        });
        outbox.MapGet("/{key}", async (string key, HttpContext http, IOutboxStore store, CancellationToken ct) =>
            await store.GetAsync(key, ct) is { } entry && Sees(Caller.From(http), entry) ? Results.Ok(OutboxEntryView.From(entry)) : NotFound(key));
        outbox.MapPost("/{key}/retry", RetryAsync)
            .WithSummary("Attempts a pending or failed entry again with its recorded input and key; answers the entry after the attempt.");
        outbox.MapPost("/{key}/resolve", ResolveAsync)
            .WithSummary("Closes a pending or failed entry by hand: { note, result? }; a redelivery then gets the result (or an error saying it was resolved).");
        return api;
    }

    private static async Task<IResult> RetryAsync(string key, HttpContext http, OutboxExecutor executor, IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http);
        if (await executor.Store.GetAsync(key, ct) is not { } before || !Sees(caller, before))
        {
            return NotFound(key);
        }

        if (before.State is not (OutboxStates.Pending or OutboxStates.Failed) || !await executor.Store.ResetAsync(key, time.GetUtcNow(), ct))
        {
            await AuditAsync(audit, caller, "outbox.retry", before, null, "failed", $"The entry is {before.State}.");
            return Conflict(key, before.State);
        }

        var reset = (await executor.Store.GetAsync(key, ct))!;
        await executor.ResumeAsync(reset, ct);
        var after = (await executor.Store.GetAsync(key, ct))!;
        await AuditAsync(audit, caller, "outbox.retry", before, after, after.State == OutboxStates.Completed ? "ok" : "failed", after.LastError);
        return Results.Ok(OutboxEntryView.From(after));
    }

    private static async Task<IResult> ResolveAsync(string key, OutboxResolution? body, HttpContext http, IOutboxStore store, OutboxMetrics metrics, IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (body?.Note is not { Length: > 0 } note || note.Length > 1000)
        {
            throw new ApiBadRequestException("Note required", "Send { \"note\": \"why the entry is closed by hand\" } (1 to 1000 characters), optionally with \"result\".");
        }

        if (body.Result is { ValueKind: not JsonValueKind.Object })
        {
            throw new ApiBadRequestException("Invalid result", "result, when given, must be a JSON object: the output a redelivered message receives.");
        }

        var caller = Caller.From(http);
        if (await store.GetAsync(key, ct) is not { } before || !Sees(caller, before))
        {
            return NotFound(key);
        }

        if (!await store.ResolveAsync(key, caller.Name, note, body.Result?.GetRawText(), time.GetUtcNow(), ct))
        {
            await AuditAsync(audit, caller, "outbox.resolve", before, null, "failed", $"The entry is {before.State}.");
            return Conflict(key, before.State);
        }

        var after = (await store.GetAsync(key, ct))!;
        metrics.Counted(await store.CountAsync(ct));
        await AuditAsync(audit, caller, "outbox.resolve", before, after, "ok", note);
        return Results.Ok(OutboxEntryView.From(after));
    }

    private static bool Sees(Caller caller, OutboxEntry entry) => entry.Department is null ? caller.IsAdmin : caller.SeesDepartment(entry.Department);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string key) =>
        TypedResults.Problem($"No outbox entry '{key}' (or not one of your departments').", statusCode: StatusCodes.Status404NotFound, title: "Outbox entry not found");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Conflict(string key, string state) =>
        TypedResults.Problem($"Outbox entry '{key}' is {state}; only pending or failed entries can be retried or resolved.", statusCode: StatusCodes.Status409Conflict, title: "Outbox entry closed");

    private static async Task AuditAsync(IAuditLog audit, Caller caller, string action, OutboxEntry before, OutboxEntry? after, string outcome, string? detail) =>
        await audit.AppendAsync(caller.Audit(action, before.Key, outcome) with
        {
            Before = State(before),
            After = after is null ? null : State(after),
            Detail = detail,
        }, CancellationToken.None);

    // The state, never the input: it may hold a citizen's data.
    private static string State(OutboxEntry e) =>
        JsonSerializer.Serialize(new { state = e.State, attempts = e.Attempts, capability = e.Capability, flowId = e.FlowId, flowVersion = e.FlowVersion, nodeId = e.NodeId });
}
