namespace Luohu.Hub.Designer.Hosting;

/// <summary>Where to go after sign-in or a language switch: only a path of this site, so no link can bounce a user elsewhere.</summary>
internal static class ReturnUrls
{
    public static string Local(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl[0] != '/' || returnUrl.StartsWith("//", StringComparison.Ordinal)
            || returnUrl.StartsWith("/\\", StringComparison.Ordinal) || returnUrl.Any(char.IsControl))
        {
            return "/";
        }

        return returnUrl;
    }
}
