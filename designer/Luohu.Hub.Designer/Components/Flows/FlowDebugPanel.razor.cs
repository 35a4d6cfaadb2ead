using Microsoft.AspNetCore.Components;

namespace Luohu.Hub.Designer.Components.Flows;

/// <summary>
/// The debug panel of the flow editor: live messages passing the flow's <c>debug</c> nodes and the node selected in
/// the editor, pausable and filterable, and a form to inject a test message into a node. Hosted by the flow editor.
/// </summary>
public sealed partial class FlowDebugPanel
{
    [Parameter, EditorRequired]
    public string FlowId { get; set; } = string.Empty;

    /// <summary>The node selected on the canvas (null when none): its messages are shown and it is the inject target.</summary>
    [Parameter]
    public string? SelectedNodeId { get; set; }

    /// <summary>Whether the user may inject (editor of the flow's department or admin).</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>The editor calls it after a deploy or rollback so the panel marks where the new version starts.</summary>
    public Task FlowDeployedAsync(int version) => version > 0 ? InvokeAsync(StateHasChanged) : Task.CompletedTask;
}
