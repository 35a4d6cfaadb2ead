using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace Luohu.Hub.Designer.Hosting;

/// <summary>The designer's languages: Simplified Chinese (the default: its users are district staff) and English.</summary>
internal static class DesignerCultures
{
    public const string Chinese = "zh-Hans";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    /// <summary>The culture asked for when it is one the designer speaks, else the default.</summary>
    public static string Normalize(string? culture) =>
        Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? Chinese;

    public static string CookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    /// <summary>
    /// The culture comes from the cookie (or <c>?culture=</c>), never from Accept-Language: staff should see the
    /// hub's default language until they choose, whatever their browser says.
    /// </summary>
    public static RequestLocalizationOptions LocalizationOptions()
    {
        var cultures = Supported.Select(CultureInfo.GetCultureInfo).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        options.RequestCultureProviders = [.. options.RequestCultureProviders.Where(p => p is not AcceptLanguageHeaderRequestCultureProvider)];
        return options;
    }
}
