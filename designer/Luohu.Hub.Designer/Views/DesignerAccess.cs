using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Designer.Views;

/// <summary>
/// The API's access table (host <c>ApiAccess</c>) as the pages need it to hide what a user could not do anyway, in
/// one place; the API still decides every call.
/// </summary>
internal static class DesignerAccess
{
    /// <summary><c>/api/v1/flows</c> and <c>/api/v1/rules</c> changes: editors and integrators (and admins).</summary>
    public static bool CanEditFlowsAndRules(DesignerUser user) => Has(user, HubRoles.Editor, HubRoles.Integrator);

    public static bool CanOperatePlugins(DesignerUser user) => Has(user, HubRoles.Ops);

    public static bool CanUploadPlugins(DesignerUser user) => Has(user, HubRoles.Ops, HubRoles.Vendor);

    public static bool CanReadAudit(DesignerUser user) => Has(user, HubRoles.Ops);

    /// <summary>The outbox holds the inputs of money-moving calls: ops and admins, as the API allows.</summary>
    public static bool CanUseOutbox(DesignerUser user) => Has(user, HubRoles.Ops);

    private static bool Has(DesignerUser user, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAdmin || user.Roles.Any(r => roles.Contains(r, StringComparer.Ordinal));
    }
}
