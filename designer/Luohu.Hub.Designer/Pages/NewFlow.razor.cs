using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// The form for a new, empty flow: id, name and one of the user's departments. The front-end sends it to
/// POST /api/v1/flows (so the API's roles and department rules apply) and opens the editor on the new flow.
/// </summary>
public sealed partial class NewFlow
{

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private ISecurityStore Store { get; set; } = default!;

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    private IReadOnlyList<Department> Departments { get; set; } = [];

    private bool Ready { get; set; }

    private bool MayCreate { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = await Accounts.DescribeAsync(AuthenticationState);
        var all = await Store.ListDepartmentsAsync(CancellationToken.None);
        Departments = [.. all.Where(d => user.SeesDepartment(d.Id))];
        MayCreate = Departments.Count > 0 && DesignerAccess.CanEditFlowsAndRules(user);
        Ready = true;
    }
}
