namespace Luohu.Hub.Designer.Pages;

/// <summary>What the sign-in form posts.</summary>
internal sealed class SignInForm
{
    public string? User { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
