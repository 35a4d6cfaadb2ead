using System.Text.Json;
using Luohu.Hub.Designer.Resources;
using Luohu.Hub.Designer.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Luohu.Hub.Designer.Components.Flows;

/// <summary>
/// The debug panel of the flow editor: live messages passing the flow's <c>debug</c> nodes and the node selected in
/// the editor, pausable and filterable, and a form to inject a test message into a node. Hosted by the flow editor.
/// </summary>
/// <remarks>
/// The panel is <c>createDebugPanel</c> (ClientApp/src/debugPanel.js), mounted by the browser on the element this
/// component renders: the browser reads the hub's event stream and draws the messages itself. The editor's selection
/// (<c>lh-node-selected</c>) and deploys (<c>lh-flow-deployed</c>) reach it as document events.
/// </remarks>
public sealed partial class FlowDebugPanel
{
    [Parameter, EditorRequired]
    public string FlowId { get; set; } = string.Empty;

    /// <summary>The node selected at first (null when none): its messages are shown and it is the inject target.</summary>
    [Parameter]
    public string? SelectedNodeId { get; set; }

    /// <summary>Whether the user may inject (editor of the flow's department or admin).</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>How many messages the list keeps (the oldest leave first).</summary>
    [Parameter]
    public int Capacity { get; set; } = 500;

    /// <summary>The element's id, for a page that picks the node with a select (<c>data-lh-select-for</c>).</summary>
    public string ElementId => "lh-debug-" + FlowId;

    [Inject]
    private IStringLocalizer<FlowPanelsStrings> Strings { get; set; } = default!;

    private string StringsJson => JsonSerializer.Serialize(StringTable.Of(Strings));
}
