namespace Luohu.Hub.Runtime.Security;

/// <summary>A person who signs in. <see cref="PasswordHash"/> is never serialized to a client.</summary>
internal sealed record HubUser
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public required string PasswordHash { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public required IReadOnlyList<string> Departments { get; init; }
    /// <summary>Failed sign-ins since the last success (what is held back, and from where, is the sign-in throttle's).</summary>
    public int FailedCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
