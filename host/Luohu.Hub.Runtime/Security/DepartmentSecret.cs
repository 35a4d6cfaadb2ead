namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// A department's named secret as stored: <see cref="ProtectedValue"/> is encrypted; <see cref="Plaintext"/> is set
/// only between the schema-7 migration that moved an inline webhook secret here and the next start, which encrypts it.
/// </summary>
internal sealed record DepartmentSecret
{
    public required string Department { get; init; }
    public required string Name { get; init; }
    public string? ProtectedValue { get; init; }
    public string? Plaintext { get; init; }
    public required string UpdatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>What anyone may see of a secret: its name and who set it when. Never its value.</summary>
internal sealed record DepartmentSecretInfo(string Department, string Name, string UpdatedBy, DateTimeOffset UpdatedAt);
