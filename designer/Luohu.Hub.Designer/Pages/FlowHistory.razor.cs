using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Flows;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// A flow's versions and live messages side by side: the panels the flow editor hosts, on a page of their own so
/// ops can watch a flow without opening the editor. Another department's flow reads as not found, as in the API;
/// a department the flow is shared with reads it (and may watch, not roll back or inject).
/// </summary>
public sealed partial class FlowHistory : IDisposable
{
    private readonly CancellationTokenSource disposed = new();

    [Parameter, EditorRequired]
    public string FlowId { get; set; } = string.Empty;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IFlowService FlowService { get; set; } = default!;

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    private FlowDefinition? Flow { get; set; }

    private bool Loaded { get; set; }

    private bool CanEdit { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var user = await Accounts.DescribeAsync(AuthenticationState);
        var flow = await FlowService.GetAsync(FlowId, disposed.Token);
        var access = flow is null ? FlowAccess.None : FlowAccessRules.Of(user, flow.Department, flow.SharedWith);
        Flow = access == FlowAccess.None ? null : flow;

        // The API decides for real; this only hides what it would refuse (a viewer's or a shared department's rollback).
        CanEdit = access == FlowAccess.Edit;
        Loaded = true;
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}
