namespace Luohu.Hub.Runtime.Storage;

/// <summary>A published, immutable version of a library workflow (1, 2, 3… per workflow).</summary>
internal sealed record RuleWorkflowVersionRecord
{
    public required string Department { get; init; }
    public required string Name { get; init; }
    public required int Version { get; init; }
    public required string Json { get; init; }
    public required string Author { get; init; }
    public string? Comment { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
