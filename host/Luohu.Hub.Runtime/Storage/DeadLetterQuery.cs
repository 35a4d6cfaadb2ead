namespace Luohu.Hub.Runtime.Storage;

/// <summary>A filter and page over dead letters; results are newest first.</summary>
internal sealed record DeadLetterQuery
{
    public string? FlowId { get; init; }
    public DeadLetterState? State { get; init; }
    public int Skip { get; init; }

    /// <summary>Page size, 1 to 1000. Default 100.</summary>
    public int Take { get; init; } = 100;
}
