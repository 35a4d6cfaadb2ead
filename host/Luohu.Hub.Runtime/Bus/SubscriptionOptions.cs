namespace Luohu.Hub.Runtime.Bus;

/// <summary>How one subscription queues and handles its messages.</summary>
internal sealed class SubscriptionOptions
{
    /// <summary>The most messages waiting in the queue (not counting those being handled). Default 1024.</summary>
    public int Capacity { get; init; } = 1024;

    /// <summary>What happens when the queue is full. Default <see cref="OverflowPolicy.Wait"/> (back-pressure).</summary>
    public OverflowPolicy OverflowPolicy { get; init; } = OverflowPolicy.Wait;

    /// <summary>A name for stats, logs and ops pages, e.g. <c>flow:parking-guidance/in</c>. Default: the filter.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// How many messages are handled at once. Default 1, which keeps publish order; above 1 order is kept only per
    /// <see cref="OrderKey"/>, and not at all without one.
    /// </summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>
    /// With <see cref="MaxConcurrency"/> above 1: the order key of a message (a hash). Messages with equal keys are
    /// handled one after another in publish order on the same lane; different keys spread over
    /// <see cref="MaxConcurrency"/> lanes that run in parallel. Each lane has its own queue of <see cref="Capacity"/>.
    /// Default none.
    /// </summary>
    public Func<HubMessage, int>? OrderKey { get; init; }
}
