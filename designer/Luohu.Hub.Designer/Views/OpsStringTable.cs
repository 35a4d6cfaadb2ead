using Microsoft.Extensions.Localization;

namespace Luohu.Hub.Designer.Views;

/// <summary>The strings an ops page's front-end needs: the designer's shared ones (columns, states) and the ops pages' own.</summary>
internal static class OpsStringTable
{
    public static IReadOnlyDictionary<string, string> Of(IStringLocalizer designer, IStringLocalizer ops)
    {
        var strings = new Dictionary<string, string>(StringTable.Of(designer), StringComparer.Ordinal);
        foreach (var (key, value) in StringTable.Of(ops))
        {
            strings[key] = value;
        }

        return strings;
    }
}
