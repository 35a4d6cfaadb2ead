using System.Text.Json;
using Luohu.Hub.Designer.Hosting;
using Luohu.Hub.Designer.Resources;
using Luohu.Hub.Designer.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Luohu.Hub.Designer.Components.Flows;

/// <summary>The versions of a flow with author and time, a diff of two, and rollback. Hosted by the flow editor.</summary>
/// <remarks>
/// The panel itself is <c>createVersionsPanel</c> (ClientApp/src/versionsPanel.js), mounted by the browser on the element
/// this component renders, so it works on a statically rendered page as well as in a live circuit. Reads and the
/// rollback go through the hub's API from the browser with the user's session: the API decides, this only hides the
/// rollback from those it would refuse.
/// </remarks>
public sealed partial class FlowVersionsPanel : IDisposable
{
    private ElementReference element;
    private DotNetObjectReference<FlowVersionsPanel>? self;

    [Parameter, EditorRequired]
    public string FlowId { get; set; } = string.Empty;

    /// <summary>Whether the user may roll back (editor of the flow's department or admin).</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>Raised with the version deployed again after a successful rollback; the editor reloads its draft.</summary>
    [Parameter]
    public EventCallback<int> OnRolledBack { get; set; }

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private IStringLocalizer<FlowPanelsStrings> Strings { get; set; } = default!;

    [Inject]
    private ILogger<FlowVersionsPanel> Logger { get; set; } = default!;

    private string StringsJson => JsonSerializer.Serialize(StringTable.Of(Strings));

    /// <summary>Reloads the list (the editor calls it after a deploy).</summary>
    public Task RefreshAsync() => InvokeAsync(() => CallAsync("refresh"));

    /// <summary>Called by the browser's panel after a rollback it made.</summary>
    [JSInvokable]
    public Task RolledBack(int version) => OnRolledBack.InvokeAsync(version);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Runs only in a live circuit: a statically rendered page has no one to tell about a rollback.
        if (firstRender && OnRolledBack.HasDelegate)
        {
            self = DotNetObjectReference.Create(this);
            await CallAsync("onRolledBack", self);
        }
    }

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
            FlowPanelsLog.PanelCallFailed(Logger, ex, "versions", method, FlowId);
        }
    }

    public void Dispose() => self?.Dispose();
}
