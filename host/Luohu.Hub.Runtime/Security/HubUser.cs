namespace Luohu.Hub.Runtime.Security;

/// <summary>A person who signs in. <see cref="PasswordHash"/> is never serialized to a client.</summary>
internal sealed record HubUser
{
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public required string PasswordHash { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public required IReadOnlyList<string> Departments { get; init; }
    public int FailedCount { get; init; }
    public DateTimeOffset? LockoutEnd { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
