using System.Text.Json;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Resources;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// The flow editor: the canvas (the JS module <c>createFlowEditor</c>, whose state lives in the browser so a flow of
/// hundreds of nodes costs no circuit round trips) above the versions and debug panels. Another department's flow
/// reads as not found, as in the API; a flow only shared with the user, or a viewer, gets the editor read-only.
/// </summary>
public sealed partial class FlowEditor : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly CancellationTokenSource disposed = new();

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
    private IStringLocalizer<FlowEditorStrings> Strings { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RulesStrings> RulesStrings { get; set; } = default!;

    private FlowDefinition? Flow { get; set; }

    private bool Loaded { get; set; }

    private bool CanEdit { get; set; }

    private bool SharedOnly { get; set; }

    private string DepartmentName { get; set; } = string.Empty;

    // The rule node embeds the rules editor, which speaks with the Rules page's strings.
    private object Options => new { flowId = Flow?.Id, canEdit = CanEdit, strings = StringTable.Of(Strings), rulesStrings = StringTable.Of(RulesStrings) };

    /// <summary>The editor's options on its element: the front-end mounts the editor there (the page renders without a circuit).</summary>
    private string OptionsJson => JsonSerializer.Serialize(Options, Web);

    protected override async Task OnParametersSetAsync()
    {
        var user = await Accounts.DescribeAsync(AuthenticationState);
        var flow = await FlowService.GetAsync(FlowId, disposed.Token);
        var access = flow is null ? FlowAccess.None : FlowAccessRules.Of(user, flow.Department, flow.SharedWith);
        Flow = access == FlowAccess.None ? null : flow;
        CanEdit = access == FlowAccess.Edit;
        SharedOnly = access == FlowAccess.SharedRead;
        if (Flow is not null)
        {
            DepartmentName = DepartmentNames.Display(Flow.Department, await Store.ListDepartmentsAsync(disposed.Token));
        }

        Loaded = true;
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}
