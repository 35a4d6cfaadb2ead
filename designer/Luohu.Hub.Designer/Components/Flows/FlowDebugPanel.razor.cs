using System.Text.Json;
using Luohu.Hub.Designer.Hosting;
using Luohu.Hub.Designer.Resources;
using Luohu.Hub.Designer.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Luohu.Hub.Designer.Components.Flows;

/// <summary>
/// The debug panel of the flow editor: live messages passing the flow's <c>debug</c> nodes and the node selected in
/// the editor, pausable and filterable, and a form to inject a test message into a node. Hosted by the flow editor.
/// </summary>
/// <remarks>
/// The panel is <c>createDebugPanel</c> (ClientApp/src/debugPanel.js), mounted by the browser on the element this
/// component renders: the browser reads the hub's event stream and draws the messages itself, so a busy flow never
/// sends a message through a circuit, and the panel works on a statically rendered page too. A new
/// <see cref="SelectedNodeId"/> reaches it as the element's <c>data-selected-node</c>.
/// </remarks>
public sealed partial class FlowDebugPanel
{
    private ElementReference element;

    [Parameter, EditorRequired]
    public string FlowId { get; set; } = string.Empty;

    /// <summary>The node selected on the canvas (null when none): its messages are shown and it is the inject target.</summary>
    [Parameter]
    public string? SelectedNodeId { get; set; }

    /// <summary>Whether the user may inject (editor of the flow's department or admin).</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>How many messages the list keeps (the oldest leave first).</summary>
    [Parameter]
    public int Capacity { get; set; } = 500;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private IStringLocalizer<FlowPanelsStrings> Strings { get; set; } = default!;

    [Inject]
    private ILogger<FlowDebugPanel> Logger { get; set; } = default!;

    /// <summary>The element's id, for a page that picks the node with a select (<c>data-lh-select-for</c>).</summary>
    public string ElementId => "lh-debug-" + FlowId;

    private string StringsJson => JsonSerializer.Serialize(StringTable.Of(Strings));

    /// <summary>The editor calls it after a deploy or rollback so the panel marks where the new version starts.</summary>
    public Task FlowDeployedAsync(int version) => version > 0 ? InvokeAsync(() => CallAsync("markDeployed", version)) : Task.CompletedTask;

    private async Task CallAsync(string method, params object?[] args)
    {
        try
        {
            await Js.InvokeVoidAsync("LuohuDesigner.panelCall", [element, method, .. args]);
        }
        catch (JSDisconnectedException)
        {
            // The browser left; there is no panel to call.
        }
        catch (JSException ex)
        {
            FlowPanelsLog.PanelCallFailed(Logger, ex, "debug", method, FlowId);
        }
    }
}
