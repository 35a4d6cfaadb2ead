namespace Luohu.Hub.Runtime.Bus;

/// <summary>
/// A publish met a full subscription whose policy is <see cref="OverflowPolicy.Reject"/>. Every other
/// matching subscription still received the message.
/// </summary>
internal sealed class BusOverflowException : Exception
{
    public BusOverflowException(string topic, IReadOnlyList<string> subscriptions)
        : base($"The message on '{topic}' was rejected by {subscriptions.Count} full subscription(s) with the Reject policy: " +
               $"{string.Join(", ", subscriptions)}. Slow down, retry later, or raise their Capacity.")
    {
        Topic = topic;
        Subscriptions = subscriptions;
    }

    public string Topic { get; }

    /// <summary>Names of the subscriptions that rejected the message.</summary>
    public IReadOnlyList<string> Subscriptions { get; }
}
