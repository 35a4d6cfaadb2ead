namespace Luohu.Hub.Runtime.Storage;

/// <summary>
/// A rule workflow of a department's library as saved: the draft being edited (RulesEngine JSON) and the named input
/// cases it is tried on. The store fills <c>Created*</c>, <c>UpdatedAt</c> and <see cref="LatestVersion"/>.
/// </summary>
internal sealed record RuleWorkflowRecord
{
    public required string Department { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string Draft { get; init; }

    /// <summary>A JSON object of named input cases, or null.</summary>
    public string? TestCases { get; init; }

    public required string UpdatedBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Filled by the store: the highest published version, if any.</summary>
    public int? LatestVersion { get; init; }
}
