namespace Luohu.Hub.Runtime.Bus;

/// <summary>What a subscription does when its queue is full and another message arrives.</summary>
internal enum OverflowPolicy
{
    /// <summary>Back-pressure: the publisher waits until the queue has room. Nothing is lost.</summary>
    Wait,

    /// <summary>The oldest queued message is discarded to make room; counted as dropped.</summary>
    DropOldest,

    /// <summary>The arriving message is discarded and the queue is left as it is; counted as dropped.</summary>
    DropNewest,

    /// <summary>The publish throws <see cref="BusOverflowException"/> to the publisher; counted as rejected.</summary>
    Reject,
}
