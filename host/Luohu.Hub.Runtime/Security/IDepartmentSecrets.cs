namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// Named secrets of a department (a webhook's HMAC key or shared secret), encrypted at rest and never shown back:
/// flows name them (<c>secretRef</c>), the API sets and removes them, and only the code that checks a request reads one.
/// </summary>
internal interface IDepartmentSecrets
{
    /// <summary>Names and change times, of one department or all.</summary>
    IReadOnlyList<DepartmentSecretInfo> List(string? department);

    bool Exists(string department, string name);

    /// <summary>The value, or null when there is none (or the key ring cannot read it, which is logged).</summary>
    string? Reveal(string department, string name);

    /// <summary>Creates or replaces the secret, and audits it by name.</summary>
    Task SetAsync(string department, string name, string value, AuditEvent by, CancellationToken cancellationToken);

    /// <summary>Removes the secret and audits it; false when there was none.</summary>
    Task<bool> DeleteAsync(string department, string name, AuditEvent by, CancellationToken cancellationToken);
}
