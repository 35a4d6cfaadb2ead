using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Flows.Alerts;
using Luohu.Hub.Runtime.Flows.Persistence;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Dead letters and alerts carry a flow's messages, so they follow the flow's visibility: a non-admin sees those of
/// the flows of their departments and of flows shared with them; another's dead letter is 404. Replaying or
/// discarding also changes the owner's flow, so a department the flow is only shared with gets 403. Dead letters of
/// a deleted flow have no owner left and are an admin's.
/// </summary>
internal sealed class DepartmentScope(IFlowService flows, IDeadLetterService letters, IAlertLog alerts)
{
    /// <summary>The ids of the flows the caller may read, or null for all (admin).</summary>
    public async Task<Dictionary<string, FlowSummary>?> ReadableFlowsAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAdmin)
        {
            return null;
        }

        return (await flows.ListAsync(null, cancellationToken))
            .Where(f => caller.ReadsFlow(f.Department, f.SharedWith))
            .ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<DeadLetterRecord>> ListDeadLettersAsync(Caller caller, string? flowId, string? state, int skip, int take, CancellationToken cancellationToken)
    {
        if (await ReadableFlowsAsync(caller, cancellationToken) is not { } readable)
        {
            return await letters.ListAsync(flowId, state, skip, take, cancellationToken);
        }

        IEnumerable<string> ids = flowId is null ? readable.Keys : readable.ContainsKey(flowId) ? [flowId] : [];
        var merged = new List<DeadLetterRecord>();
        foreach (var id in ids)
        {
            // Each flow's newest skip+take are enough to page the merge exactly.
            merged.AddRange(await letters.ListAsync(id, state, 0, skip + take, cancellationToken));
        }

        return [.. merged.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id, StringComparer.Ordinal).Skip(skip).Take(take)];
    }

    /// <summary>The dead letter, or null when it does not exist or the caller may not see it (both answer 404).</summary>
    public async Task<DeadLetterRecord?> GetDeadLetterAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var letter = await letters.GetAsync(id, cancellationToken);
        if (letter is null || await ReadableFlowsAsync(caller, cancellationToken) is not { } readable)
        {
            return letter;
        }

        return readable.ContainsKey(letter.FlowId) ? letter : null;
    }

    /// <summary>Null when the caller may replay or discard the dead letter, else the problem to answer (404 or 403).</summary>
    public async Task<IResult?> CheckDeadLetterChangeAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAdmin)
        {
            return null;
        }

        if (await GetDeadLetterAsync(caller, id, cancellationToken) is not { } letter)
        {
            throw NotFound(id);
        }

        var flow = await flows.GetSummaryAsync(letter.FlowId, cancellationToken);
        return flow is not null && caller.SeesDepartment(flow.Department)
            ? null
            : TypedResults.Problem($"Dead letter '{id}' is of flow '{letter.FlowId}', which department '{flow?.Department}' only shares read-only; only that department (or an admin) can replay or discard it.",
                statusCode: StatusCodes.Status403Forbidden, title: "Shared read-only");
    }

    public async Task<IReadOnlyList<FlowAlert>> ListAlertsAsync(Caller caller, string? department, int take, CancellationToken cancellationToken)
    {
        if (await ReadableFlowsAsync(caller, cancellationToken) is not { } readable)
        {
            return alerts.List(department, take);
        }

        var owners = readable.Values.Select(f => f.Department).Concat(caller.Departments).Distinct(StringComparer.Ordinal)
            .Where(d => department is null || d == department);
        return [.. owners.SelectMany(d => alerts.List(d, take))
            .Where(a => caller.SeesDepartment(a.Department) || readable.ContainsKey(a.FlowId))
            .OrderByDescending(a => a.RaisedAt)
            .Take(take)];
    }

    public static FlowException NotFound(string id) => new(FlowErrorKind.NotFound, $"No dead letter with id '{id}'.");
}
