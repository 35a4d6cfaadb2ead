namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// What a device signs in to the embedded MQTT broker with: user name <see cref="UserName"/>, password the secret shown
/// once when issued. It acts for <see cref="Department"/>: it may publish to topics inside <see cref="Publish"/> (empty:
/// every stream grant of the department) that the department's stream grants cover, and subscribe to filters those
/// grants cover.
/// </summary>
internal sealed record DeviceCredential
{
    /// <summary>10 lower-case hex characters.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Department { get; init; }
    public IReadOnlyList<string> Publish { get; init; } = [];
    public required string SecretHash { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The MQTT user name: <c>lhd_{id}</c>.</summary>
    public string UserName => DeviceCredentialTokens.UserNameOf(Id);
}
