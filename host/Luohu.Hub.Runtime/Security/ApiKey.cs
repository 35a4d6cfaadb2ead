namespace Luohu.Hub.Runtime.Security;

/// <summary>A machine consumer's key as stored: only the SHA-256 of its secret, never the secret itself.</summary>
internal sealed record ApiKey
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The public part of the key (<c>lh_{prefix}_...</c>) used to find the row.</summary>
    public required string Prefix { get; init; }
    public required string SecretHash { get; init; }

    /// <summary>The user who created it; a key never holds more roles or departments than its owner had.</summary>
    public required string Owner { get; init; }
    public required IReadOnlyList<string> Departments { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
