using Microsoft.AspNetCore.Components;

namespace Luohu.Hub.Designer.Layout;

/// <summary>Rendered instead of a page when nobody is signed in.</summary>
public sealed partial class RedirectToSignIn
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        var returnUrl = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo($"signin?returnUrl={Uri.EscapeDataString(returnUrl)}", forceLoad: true);
    }
}
