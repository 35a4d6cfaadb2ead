using Microsoft.Extensions.Localization;

namespace Luohu.Hub.Designer.Views;

/// <summary>A page's resource strings in the current culture as one dictionary, for the front-end modules it starts.</summary>
public static class StringTable
{
    public static IReadOnlyDictionary<string, string> Of(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer.GetAllStrings(includeParentCultures: true)
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
    }
}
