using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>A key as the API shows it: never the secret nor its hash.</summary>
internal sealed record KeyView(string Id, string Name, string Prefix, string Owner, IReadOnlyList<string> Departments, IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static KeyView Of(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Prefix, key.Owner, key.Departments, key.Roles, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt);
    }
}
