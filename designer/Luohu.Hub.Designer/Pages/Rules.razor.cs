using System.Text.Json;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Resources;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// The rules library and its editor for integrators. The page renders a frame with the strings of the user's
/// language, whether they may change and run rules, the departments whose libraries they reach and the workflow the
/// address names (<c>/rules?department=traffic&amp;name=ParkingNearlyFull</c>); <c>ClientApp/src/rulesPage.js</c>
/// builds the library list, the editor (tree, forms, CodeMirror, test panel) and the versions in it and talks to
/// <c>/api/v1/rules/*</c> from the browser with the session cookie, so the API's roles, department rules and audit
/// apply as they do to a script. Drafts and their test cases are kept in the hub's library, not in the browser.
/// </summary>
public sealed partial class Rules
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    [Inject]
    private ISecurityStore Store { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RulesStrings> T { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "department")]
    private string? Department { get; set; }

    [SupplyParameterFromQuery(Name = "name")]
    private string? Name { get; set; }

    /// <summary>The API's rule for <c>/api/v1/rules</c>: integrators, editors and admins; others read.</summary>
    private bool CanEdit { get; set; }

    private string StringsJson { get; set; } = "{}";

    /// <summary>The departments whose libraries the user reaches (admins: all), as <c>[{ id, name }]</c> in the page's language.</summary>
    private string DepartmentsJson { get; set; } = "[]";

    private string OpenJson { get; set; } = "null";

    protected override async Task OnInitializedAsync()
    {
        var user = await Accounts.DescribeAsync(AuthenticationState);
        CanEdit = DesignerAccess.CanEditFlowsAndRules(user);
        StringsJson = JsonSerializer.Serialize(StringTable.Of(T));
        var known = await Store.ListDepartmentsAsync(CancellationToken.None);
        IEnumerable<string> ids = user.IsAdmin ? known.Select(d => d.Id) : user.Departments;
        DepartmentsJson = JsonSerializer.Serialize(ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(id => new { id, name = DepartmentNames.Display(id, known) }));
        OpenJson = Department is null ? "null" : JsonSerializer.Serialize(new { department = Department, name = Name });
    }
}
