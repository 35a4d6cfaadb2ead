using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Designer.Views;

/// <summary>One line of the Flows page.</summary>
internal sealed record FlowRow(
    string Id,
    string Name,
    string Department,
    string? Description,
    FlowRowState State,
    int? DeployedVersion,
    bool HasUndeployedChanges,
    string? StateReason,
    double MessagesPerMinute,
    long Errors,
    DateTimeOffset UpdatedAt,
    string? UpdatedBy)
{
    public static FlowRow From(FlowSummary flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var state = flow.State switch
        {
            "deployed" => FlowRowState.Deployed,
            "error" => FlowRowState.Error,
            _ => FlowRowState.Draft,
        };
        return new FlowRow(flow.Id, flow.Name, flow.Department, flow.Description, state, flow.DeployedVersion, flow.HasUndeployedChanges,
            flow.StateReason, flow.MessagesPerMinute, flow.Errors, flow.UpdatedAt, flow.UpdatedBy);
    }

    /// <summary>The flows <paramref name="user"/> may see (as the API decides), by department then name.</summary>
    public static IReadOnlyList<FlowRow> Visible(IEnumerable<FlowSummary> flows, Accounts.DesignerUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. flows.Where(f => user.SeesDepartment(f.Department))
            .Select(From)
            .OrderBy(f => f.Department, StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.CurrentCulture)];
    }
}
