using System.Globalization;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>The department's flows with their state and traffic (as of the page's rendering).</summary>
public sealed partial class Flows : IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private IReadOnlyList<Department> departments = [];
    private DesignerUser user = DesignerUser.Anonymous;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IFlowService FlowService { get; set; } = default!;

    [Inject]
    private ISecurityStore Store { get; set; } = default!;

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private IReadOnlyList<FlowRow>? Rows { get; set; }

    private bool IsAdmin => user.IsAdmin;

    /// <summary>The API lets editors and integrators (and admins) create flows for their departments.</summary>
    private bool MayCreate => user.IsAdmin || (user.Departments.Count > 0 && DesignerAccess.CanEditFlowsAndRules(user));

    protected override async Task OnInitializedAsync()
    {
        user = await Accounts.DescribeAsync(AuthenticationState);

        departments = await Store.ListDepartmentsAsync(disposed.Token);
        await LoadAsync();
    }

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }

    private async Task LoadAsync() => Rows = FlowRow.Visible(await FlowService.ListAsync(null, disposed.Token), user);

    private string DepartmentName(string id) => DepartmentNames.Display(id, departments);

    private string StateText(FlowRow flow) => flow.State switch
    {
        FlowRowState.Deployed => L["FlowStateDeployed", flow.DeployedVersion ?? 0],
        FlowRowState.Error => L["FlowStateError"],
        _ => L["FlowStateDraft"],
    };

    private static string StateCss(FlowRow flow) => flow.State switch
    {
        FlowRowState.Deployed => "badge badge-good",
        FlowRowState.Error => "badge badge-bad",
        _ => "badge badge-neutral",
    };

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture);
}
