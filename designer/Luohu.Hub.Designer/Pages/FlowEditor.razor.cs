using System.Text.Json;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Components.Flows;
using Luohu.Hub.Designer.Hosting;
using Luohu.Hub.Designer.Resources;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// The flow editor: the canvas (the JS module <c>createFlowEditor</c>, whose state lives in the browser so a flow of
/// hundreds of nodes costs no circuit round trips) above the versions and debug panels. Another department's flow
/// reads as not found, as in the API; a flow only shared with the user, or a viewer, gets the editor read-only.
/// </summary>
public sealed partial class FlowEditor : IAsyncDisposable
{
    private static readonly string[] EditingRoles = [HubRoles.Editor, HubRoles.Integrator];
    private readonly CancellationTokenSource disposed = new();
    private ElementReference host;
    private IJSObjectReference? editor;
    private DotNetObjectReference<FlowEditor>? selfReference;
    private FlowVersionsPanel? versions;
    private FlowDebugPanel? debug;
    private string? startedFor;

    [Parameter, EditorRequired]
    public string FlowId { get; set; } = string.Empty;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IFlowService FlowService { get; set; } = default!;

    [Inject]
    private ISecurityStore Store { get; set; } = default!;

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IStringLocalizer<FlowEditorStrings> Strings { get; set; } = default!;

    [Inject]
    private ILogger<FlowEditor> Logger { get; set; } = default!;

    private FlowDefinition? Flow { get; set; }

    private bool Loaded { get; set; }

    private bool CanEdit { get; set; }

    private bool SharedOnly { get; set; }

    private string DepartmentName { get; set; } = string.Empty;

    private string? SelectedNodeId { get; set; }

    private PanelTab Tab { get; set; } = PanelTab.Versions;

    private object Options => new { flowId = Flow?.Id, canEdit = CanEdit, strings = StringTable.Of(Strings) };

    /// <summary>The editor's options on its element, so the front-end mounts it even on a statically rendered page.</summary>
    private string OptionsJson => JsonSerializer.Serialize(Options, HubApi.Web);

    protected override async Task OnParametersSetAsync()
    {
        var user = AuthenticationState is null ? DesignerUser.Anonymous : Accounts.Describe((await AuthenticationState).User);
        var flow = await FlowService.GetAsync(FlowId, disposed.Token);
        var access = flow is null ? FlowAccess.None : FlowAccessRules.Of(user, flow.Department, flow.SharedWith, EditingRoles);
        Flow = access == FlowAccess.None ? null : flow;
        CanEdit = access == FlowAccess.Edit;
        SharedOnly = access == FlowAccess.SharedRead;
        if (Flow is not null)
        {
            DepartmentName = DepartmentNames.Display(Flow.Department, await Store.ListDepartmentsAsync(disposed.Token));
        }

        Loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Flow is null || startedFor == Flow.Id)
        {
            return;
        }

        await DisposeEditorAsync();
        startedFor = Flow.Id;
        selfReference = DotNetObjectReference.Create(this);
        try
        {
            editor = await JS.InvokeAsync<IJSObjectReference>("LuohuDesigner.createFlowEditor", disposed.Token, host, Options, selfReference);
        }
        catch (Exception ex) when (ex is JSException or TaskCanceledException or JSDisconnectedException)
        {
            FlowEditorLog.StartFailed(Logger, ex, Flow.Id);
        }
    }

    /// <summary>The canvas's selection, so the debug panel follows it.</summary>
    [JSInvokable]
    public Task OnNodeSelected(string? nodeId)
    {
        SelectedNodeId = nodeId;
        return InvokeAsync(StateHasChanged);
    }

    /// <summary>The canvas deployed the flow through the API: the panels show the new version.</summary>
    [JSInvokable]
    public async Task OnDeployed(int version)
    {
        FlowEditorLog.Deployed(Logger, FlowId, version);
        if (versions is not null)
        {
            await versions.RefreshAsync();
        }

        if (debug is not null)
        {
            await debug.FlowDeployedAsync(version);
        }
    }

    private async Task RolledBackAsync(int version)
    {
        try
        {
            if (editor is not null)
            {
                await editor.InvokeVoidAsync("reload", disposed.Token);
            }
        }
        catch (Exception ex) when (ex is JSException or TaskCanceledException or JSDisconnectedException)
        {
            FlowEditorLog.ReloadFailed(Logger, ex, FlowId);
        }

        if (debug is not null)
        {
            await debug.FlowDeployedAsync(version);
        }
    }

    private async Task DisposeEditorAsync()
    {
        if (editor is not null)
        {
            try
            {
                await editor.InvokeVoidAsync("dispose");
                await editor.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone and took the canvas with it.
            }

            editor = null;
        }

        selfReference?.Dispose();
        selfReference = null;
    }

    public async ValueTask DisposeAsync()
    {
        await disposed.CancelAsync();
        await DisposeEditorAsync();
        disposed.Dispose();
    }
}
