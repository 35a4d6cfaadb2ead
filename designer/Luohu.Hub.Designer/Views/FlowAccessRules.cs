using Luohu.Hub.Designer.Accounts;

namespace Luohu.Hub.Designer.Views;

/// <summary>Decides <see cref="FlowAccess"/> as the hub's API does (<c>FlowAccessFilter</c> and the role table).</summary>
internal static class FlowAccessRules
{
    public static FlowAccess Of(DesignerUser user, string department, IReadOnlyList<string>? sharedWith)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdmin)
        {
            return FlowAccess.Edit;
        }

        if (user.SeesDepartment(department))
        {
            return DesignerAccess.CanEditFlowsAndRules(user) ? FlowAccess.Edit : FlowAccess.Read;
        }

        return (sharedWith ?? []).Any(d => user.Departments.Contains(d, StringComparer.Ordinal)) ? FlowAccess.SharedRead : FlowAccess.None;
    }
}
