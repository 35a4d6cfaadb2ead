using System.Text.Json;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Stream grants on the live bus API: watching <c>GET /api/v1/messages/stream?topic=</c> needs a stream grant of one of
/// the caller's departments containing the whole filter, and <c>POST /api/v1/messages</c> one containing the topic.
/// A flow's debug topics (<c>$hub/debug/{flowId}/...</c>) are open to whoever may read that flow. Admins may do all.
/// A refusal is a 403 problem naming the grant to add, and is audited.
/// </summary>
internal sealed class StreamAccess(IGrantCache grants, IFlowService flows, IAuditLog audit, ILogger<StreamAccess> logger)
{
    private const string DebugPrefix = "$hub/debug/";

    /// <summary>Null when the caller may watch <paramref name="filter"/>, else the 403 to answer.</summary>
    public async Task<IResult?> CheckSubscribeAsync(HttpContext http, string filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = Caller.From(http);
        if (caller.IsAdmin)
        {
            return null;
        }

        string? denied;
        if (filter.StartsWith(DebugPrefix, StringComparison.Ordinal))
        {
            var flowId = filter[DebugPrefix.Length..].Split('/')[0];
            var readable = flowId is not ("" or "+" or "#")
                && await flows.GetSummaryAsync(flowId, cancellationToken) is { } flow && caller.ReadsFlow(flow.Department, flow.SharedWith);
            denied = readable
                ? null
                : $"Debug messages are shown per flow to whoever may read it: subscribe to '$hub/debug/{{flowId}}/#' naming a flow of your department or one shared with it; '{filter}' names none.";
        }
        else
        {
            denied = grants.Current.CheckStream(caller.Departments, filter);
        }

        return denied is null ? null : await DenyAsync(caller, "stream.subscribe", filter, denied, cancellationToken);
    }

    /// <summary>Null when the caller may publish on <paramref name="topic"/>, else the 403 to answer.</summary>
    public async Task<IResult?> CheckPublishAsync(HttpContext http, string topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = Caller.From(http);
        if (caller.IsAdmin || grants.Current.CheckStream(caller.Departments, topic) is not { } denied)
        {
            return null;
        }

        return await DenyAsync(caller, "stream.publish", topic, denied, cancellationToken);
    }

    private async Task<IResult> DenyAsync(Caller caller, string action, string topic, string denied, CancellationToken cancellationToken)
    {
        try
        {
            await audit.AppendAsync(caller.Audit(action, topic, "denied") with
            {
                Detail = denied,
                After = JsonSerializer.Serialize(new { departments = caller.Departments }),
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SecurityLog.AuditWriteFailed(logger, ex, action, topic);
        }

        return TypedResults.Problem(denied, statusCode: StatusCodes.Status403Forbidden, title: "Stream grant missing");
    }
}
