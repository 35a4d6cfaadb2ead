namespace Luohu.Hub.Runtime.Bus;

/// <summary>Bus-wide counters since start, for <c>/api/v1</c> and the ops pages.</summary>
internal sealed record BusStatistics
{
    /// <summary>Publishes accepted (valid topic), whether or not anything matched.</summary>
    public required long Published { get; init; }

    /// <summary>Publishes no subscription matched.</summary>
    public required long Unmatched { get; init; }

    /// <summary>Handler calls that returned normally, over all subscriptions.</summary>
    public required long Delivered { get; init; }

    public required long Failures { get; init; }
    public required long DroppedOldest { get; init; }
    public required long DroppedNewest { get; init; }
    public required long Rejected { get; init; }

    /// <summary>Messages still queued when a subscription's drain timed out.</summary>
    public required long DiscardedOnDispose { get; init; }

    public required int Subscriptions { get; init; }
}
