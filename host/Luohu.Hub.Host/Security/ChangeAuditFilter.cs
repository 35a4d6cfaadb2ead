using System.Text.Json;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Hosting;
using Luohu.Hub.Runtime.Storage;
using Microsoft.Extensions.Options;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.RuleLibrary;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Writes an audit entry for every change of a flow, rule workflow, plugin or dead letter made through the API, with
/// the before/after state where it applies (a flow's deployed version, a rule workflow's latest version, a plugin's
/// version and state) and the outcome. A rule workflow's target is <c>department/name</c>.
/// </summary>
/// <remarks>While the data folder has less than <see cref="HubOptions.MinFreeBytes"/> free, a change is refused with 507
/// before it is made: the soak filled the disk and saw deploys go through whose audit entries then could not be
/// written.</remarks>
internal sealed class ChangeAuditFilter(
    IAuditLog audit, IFlowService flows, IRuleLibrary rules, IPluginManager plugins, IOptions<HubOptions> hub, IHostEnvironment environment, ILogger<ChangeAuditFilter> logger)
    : IEndpointFilter
{
    private readonly string _dataPath = hub.Value.ResolveDataPath(environment.ContentRootPath);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty;
        var action = ActionOf(method, "/" + route.Replace("//", "/", StringComparison.Ordinal).TrimStart('/'));
        if (action is null)
        {
            return await next(context);
        }

        var id = http.Request.RouteValues.TryGetValue("id", out var raw) ? raw as string : RuleTarget(http.Request.RouteValues);
        if (hub.Value.MinFreeBytes > 0 && FreeBytes() is { } free && free < hub.Value.MinFreeBytes)
        {
            return TypedResults.Problem(
                $"{StorageFull.Detail} ({free} bytes free, Hub:MinFreeBytes is {hub.Value.MinFreeBytes}: the audit log needs room to record the change.)",
                statusCode: StatusCodes.Status507InsufficientStorage, title: StorageFull.Title);
        }

        var before = await StateAsync(action, id, http.RequestAborted);
        var outcome = "failed";
        string? detail = null;
        object? result = null;
        try
        {
            result = await next(context);
            var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            outcome = status < 400 ? "ok" : status == StatusCodes.Status403Forbidden ? "denied" : "failed";
            id = result switch
            {
                PluginSnapshot p => id ?? p.Id,
                IValueHttpResult { Value: PluginSnapshot p } => id ?? p.Id,
                IValueHttpResult { Value: RuleDraftSaved r } => $"{r.Department}/{r.Name}",
                _ => id,
            };
            return result;
        }
        catch (Exception ex) when (ex is FlowException or PluginOperationException or RuleLibraryException)
        {
            detail = ex.Message;
            throw;
        }
        finally
        {
            var after = outcome == "ok" ? await StateAsync(action, id, CancellationToken.None) : null;
            var entry = Caller.From(http).Audit(action, id, outcome) with { Before = before, After = after, Detail = detail };
            try
            {
                await audit.AppendAsync(entry, CancellationToken.None);
            }
            catch (Exception ex)
            {
                SecurityLog.AuditWriteFailed(logger, ex, action, id);
            }
        }
    }

    /// <summary>Free bytes on the data folder's file system, or null when it cannot be told.</summary>
    private long? FreeBytes()
    {
        try
        {
            return new DriveInfo(_dataPath).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    internal static string? ActionOf(string method, string route) => (method.ToUpperInvariant(), route) switch
    {
        ("POST", "/api/v1/flows/") or ("POST", "/api/v1/flows") => "flow.create",
        ("PUT", "/api/v1/flows/{id}") => "flow.save",
        ("DELETE", "/api/v1/flows/{id}") => "flow.delete",
        ("POST", "/api/v1/flows/{id}/deploy") => "flow.deploy",
        ("POST", "/api/v1/flows/{id}/rollback/{version:int}") => "flow.rollback",
        ("POST", "/api/v1/rules/library/{department}") => "rule.create",
        ("PUT", "/api/v1/rules/library/{department}/{name}") => "rule.save",
        ("DELETE", "/api/v1/rules/library/{department}/{name}") => "rule.delete",
        ("POST", "/api/v1/rules/library/{department}/{name}/publish") => "rule.publish",
        ("POST", "/api/v1/rules/library/{department}/{name}/rollback/{version:int}") => "rule.rollback",
        ("POST", "/api/v1/rules/import/{department}") => "rule.import",
        ("POST", "/api/v1/plugins/") or ("POST", "/api/v1/plugins") => "plugin.install",
        ("POST", "/api/v1/plugins/{id}/enable") => "plugin.enable",
        ("POST", "/api/v1/plugins/{id}/disable") => "plugin.disable",
        ("POST", "/api/v1/plugins/{id}/reload") => "plugin.reload",
        ("DELETE", "/api/v1/plugins/{id}") => "plugin.uninstall",
        ("POST", "/api/v1/dead-letters/{id}/replay") => "dead-letter.replay",
        ("POST", "/api/v1/dead-letters/{id}/discard") => "dead-letter.discard",
        _ => null,
    };

    /// <summary><c>department/name</c> of a rules-library route, the department alone for an import.</summary>
    private static string? RuleTarget(RouteValueDictionary values) =>
        values.TryGetValue("department", out var department) && department is string d
            ? values.TryGetValue("name", out var name) && name is string n ? $"{d}/{n}" : d
            : null;

    private async Task<string?> StateAsync(string action, string? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return null;
        }

        if (action.StartsWith("flow.", StringComparison.Ordinal))
        {
            return await flows.GetSummaryAsync(id, cancellationToken) is { } flow
                ? JsonSerializer.Serialize(new { flow.DeployedVersion, flow.State, flow.Department, flow.SharedWith })
                : null;
        }

        if (action.StartsWith("rule.", StringComparison.Ordinal))
        {
            return id.Split('/') is [var department, var name] && rules.PublishedVersions(department, name) is { } versions
                ? JsonSerializer.Serialize(new { LatestVersion = versions.Count == 0 ? (int?)null : versions.Max() })
                : null;
        }

        return action.StartsWith("plugin.", StringComparison.Ordinal) && plugins.Find(id) is { } plugin
            ? JsonSerializer.Serialize(new { plugin.Version, State = plugin.State.ToString() })
            : null;
    }
}
