namespace Luohu.Hub.Runtime.Storage;

/// <summary>An immutable, numbered snapshot of a flow (1, 2, 3… per flow), what a deploy runs.</summary>
internal sealed record FlowVersionRecord
{
    public required string FlowId { get; init; }
    public required int Version { get; init; }
    public required string Json { get; init; }
    public required string Author { get; init; }
    public string? Comment { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
