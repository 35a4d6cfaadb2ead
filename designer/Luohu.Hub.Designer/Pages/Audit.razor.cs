using System.Text.Json;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// The audit log for ops and admins (as the API allows); anyone else gets a plain message and the front-end is not
/// started, so no call is made. Entries, filters, paging and chain verification come from the API through the
/// front-end.
/// </summary>
public sealed partial class Audit
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    private bool Allowed { get; set; }

    private string? Strings { get; set; }

    private string? Actions { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = await Accounts.DescribeAsync(AuthenticationState);
        Allowed = DesignerAccess.CanReadAudit(user);
        if (Allowed)
        {
            Strings = JsonSerializer.Serialize(OpsStringTable.Of(L, O));
            Actions = JsonSerializer.Serialize(AuditActions.Known);
        }
    }
}
