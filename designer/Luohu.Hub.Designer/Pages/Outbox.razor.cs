using System.Text.Json;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// The outbox for ops and admins (as the API allows): calls that change the world (settlements), pending and failed
/// first, with retry and resolve. Anyone else gets a plain message and the front-end is not started.
/// </summary>
public sealed partial class Outbox
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    private bool Allowed { get; set; }

    private string? Strings { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = await Accounts.DescribeAsync(AuthenticationState);
        Allowed = DesignerAccess.CanUseOutbox(user);
        if (Allowed)
        {
            Strings = JsonSerializer.Serialize(OpsStringTable.Of(L, O));
        }
    }
}
