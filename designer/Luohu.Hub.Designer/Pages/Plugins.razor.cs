using System.Text.Json;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// The plugin catalogue with upload and the ops operations. The page hands the front-end its strings and what the
/// user may do (to hide what the API would refuse anyway); the front-end reads and changes everything through the
/// API and re-reads the catalogue every second, so another operator's reload shows at once.
/// </summary>
public sealed partial class Plugins
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    private string Strings { get; set; } = "{}";

    private bool CanOperate { get; set; }

    private bool CanUpload { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = await Accounts.DescribeAsync(AuthenticationState);
        CanOperate = DesignerAccess.CanOperatePlugins(user);
        CanUpload = DesignerAccess.CanUploadPlugins(user);
        Strings = JsonSerializer.Serialize(OpsStringTable.Of(L, O));
    }
}
