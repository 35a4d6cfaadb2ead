namespace Luohu.Hub.Runtime.Storage;

/// <summary>
/// A flow document as saved (the draft): its JSON text plus the fields lists and filters need.
/// The store sets the <c>Created*</c> and <c>UpdatedAt</c> fields and the version summary; a caller
/// saving a draft fills the rest.
/// </summary>
internal sealed record FlowRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Department { get; init; }
    public string? Description { get; init; }

    /// <summary>The flow file (public JSON format) exactly as saved.</summary>
    public required string Json { get; init; }

    /// <summary>Who saved this draft (user name, API key name, <c>system</c>).</summary>
    public required string UpdatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Read-only summary filled by the store: the highest version number, if any.</summary>
    public int? LatestVersion { get; init; }

    /// <summary>Read-only summary filled by the store: the deployed version, if deployed.</summary>
    public int? DeployedVersion { get; init; }
}
