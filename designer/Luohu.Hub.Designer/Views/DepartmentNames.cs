using System.Globalization;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Designer.Views;

/// <summary>A department's name in the page's language, falling back to its id when the store does not know it.</summary>
internal static class DepartmentNames
{
    public static string Display(string id, IReadOnlyList<Department> known)
    {
        var department = known.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));
        if (department is null)
        {
            return id;
        }

        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var name = chinese ? department.NameZh : department.NameEn;
        return string.IsNullOrWhiteSpace(name) ? id : name;
    }
}
