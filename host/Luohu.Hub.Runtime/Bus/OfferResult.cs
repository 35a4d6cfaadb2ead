namespace Luohu.Hub.Runtime.Bus;

/// <summary>What a subscription said to a message offered without waiting.</summary>
internal enum OfferResult
{
    /// <summary>Queued, or shed by a drop policy, or swallowed by a closing subscription.</summary>
    Accepted,

    /// <summary>Full under <see cref="OverflowPolicy.Reject"/>.</summary>
    Rejected,

    /// <summary>Full under <see cref="OverflowPolicy.Wait"/>: the publisher must wait for room.</summary>
    MustWait,
}
