using System.Globalization;
using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Designer.Pages;

/// <summary>
/// Password sign-in through the host's sign-in service (lockout and audit as for the API). Rendered statically:
/// the form posts (with its anti-forgery token) and the answer sets the session cookie.
/// </summary>
public sealed partial class SignIn
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private SignInForm Input { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "returnUrl")]
    private string? ReturnUrl { get; set; }

    [Inject]
    private IDesignerAccounts Accounts { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<SignIn> Logger { get; set; } = default!;

    private string? Error { get; set; }

    private bool UserMissing { get; set; }

    private bool PasswordMissing { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new SignInForm();
        Input.ReturnUrl ??= ReturnUrl;
    }

    private async Task SignInAsync()
    {
        UserMissing = string.IsNullOrWhiteSpace(Input.User);
        PasswordMissing = string.IsNullOrEmpty(Input.Password);
        if (UserMissing || PasswordMissing)
        {
            return;
        }

        var user = Input.User!.Trim();
        var result = await Accounts.SignInAsync(HttpContext, user, Input.Password!, HttpContext.RequestAborted);
        // Never render a password back into the page.
        Input.Password = null;
        if (result.Succeeded)
        {
            DesignerLog.SignedIn(Logger, user);
            Navigation.NavigateTo(ReturnUrls.Local(Input.ReturnUrl));
            return;
        }

        if (result.LockedUntil is { } until)
        {
            DesignerLog.SignInRefused(Logger, user, "locked out");
            var local = TimeZoneInfo.ConvertTime(until, Time.LocalTimeZone);
            Error = L["SignInLockedOut", local.ToString("HH:mm", CultureInfo.CurrentCulture)];
            return;
        }

        DesignerLog.SignInRefused(Logger, user, "wrong user name or password");
        Error = L["SignInFailed"];
    }
}
