using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Luohu.Hub.Designer.Layout;

/// <summary>The frame of every signed-in page: navigation, the user with their department(s), language, sign-out.</summary>
public sealed partial class MainLayout
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    [Inject]
    private ISecurityStore Store { get; set; } = default!;

    private DesignerUser User { get; set; } = DesignerUser.Anonymous;

    private string DepartmentText { get; set; } = string.Empty;

    protected override async Task OnParametersSetAsync()
    {
        if (AuthenticationState is null)
        {
            return;
        }

        var state = await AuthenticationState;
        User = Accounts.Describe(state.User);
        var departments = User.Departments.Count == 0 ? [] : await Store.ListDepartmentsAsync(CancellationToken.None);
        DepartmentText = User.Departments.Count == 0
            ? (User.IsAdmin ? L["AllDepartments"] : L["NoDepartment"])
            : string.Join(" · ", User.Departments.Select(d => DepartmentNames.Display(d, departments)));
    }
}
