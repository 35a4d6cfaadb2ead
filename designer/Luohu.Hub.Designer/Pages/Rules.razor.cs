using System.Text.Json;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Resources;
using Luohu.Hub.Designer.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// The rule editor for integrators. The page renders a frame with the strings of the user's language and whether
/// they may change and run rules; <c>ClientApp/src/rulesPage.js</c> builds the editor in it (tree, forms, CodeMirror,
/// test panel) and talks to <c>/api/v1/rules/*</c> from the browser with the session cookie, so the API's roles
/// apply as they do to scripts. The editor starts by itself when the page loads; the draft lives in the browser's
/// localStorage, so a reload loses nothing.
/// </summary>
public sealed partial class Rules
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RulesStrings> T { get; set; } = default!;

    /// <summary>The API's rule for <c>/api/v1/rules</c>: integrators, editors and admins; others read.</summary>
    private bool CanEdit { get; set; }

    private string StringsJson { get; set; } = "{}";

    /// <summary>Per user, so that on a shared office computer one person's draft is not the next one's.</summary>
    private string StorageKey { get; set; } = string.Empty;

    protected override async Task OnInitializedAsync()
    {
        var user = await Accounts.DescribeAsync(AuthenticationState);
        CanEdit = DesignerAccess.CanEditFlowsAndRules(user);
        StringsJson = JsonSerializer.Serialize(StringTable.Of(T));
        StorageKey = "luohu.designer.rules.draft.v1:" + user.Name;
    }
}
