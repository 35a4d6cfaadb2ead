namespace Luohu.Hub.Runtime.Bus;

/// <summary>A point-in-time view of one subscription, for the API and ops pages.</summary>
internal sealed record SubscriptionStatistics
{
    public required string Name { get; init; }
    public required string Filter { get; init; }
    public required int Capacity { get; init; }
    public required OverflowPolicy OverflowPolicy { get; init; }
    public required int MaxConcurrency { get; init; }

    /// <summary>Messages waiting now (never above <see cref="Capacity"/>).</summary>
    public required int QueueDepth { get; init; }

    /// <summary>The deepest the queue has been since the subscription started.</summary>
    public required int PeakQueueDepth { get; init; }

    /// <summary>Messages whose handler returned normally.</summary>
    public required long Delivered { get; init; }

    /// <summary>Messages whose handler threw (the loop goes on).</summary>
    public required long Failures { get; init; }

    /// <summary>Messages discarded by DropOldest/DropNewest, or left in the queue when a drain timed out.</summary>
    public required long Dropped { get; init; }

    /// <summary>Publishes refused by the Reject policy.</summary>
    public required long Rejected { get; init; }
}
