namespace Luohu.Hub.Designer.Views;

/// <summary>
/// The actions the hub writes to the audit log (host: sign-in, access filter, change filter, directory, grants, keys,
/// capability calls, plugin state), offered in the Audit page's action filter. The filter also takes free text, so an
/// action added later is still findable before it is listed here.
/// </summary>
internal static class AuditActions
{
    public static IReadOnlyList<string> Known { get; } =
    [
        "session.sign-in", "session.lockout", "access.denied",
        "flow.create", "flow.save", "flow.delete", "flow.deploy", "flow.rollback",
        "plugin.install", "plugin.enable", "plugin.disable", "plugin.reload", "plugin.uninstall", "plugin.state", "plugin.settings",
        "capability.call", "dead-letter.replay", "dead-letter.discard", "outbox.retry", "outbox.resolve",
        "department.save", "department.delete", "user.create", "user.update", "user.delete",
        "grant.create", "grant.delete", "key.create", "key.revoke",
    ];

    /// <summary>The prefixes (<c>flow.*</c>) of the known actions, for "every change of a flow".</summary>
    public static IReadOnlyList<string> Prefixes { get; } =
        [.. Known.Select(a => a[..(a.IndexOf('.', StringComparison.Ordinal) + 1)] + "*").Distinct(StringComparer.Ordinal)];
}
