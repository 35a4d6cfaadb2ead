namespace Luohu.Hub.Runtime.Bus;

/// <summary>
/// The work still owed for one incoming message (an MQTT delivery waiting for its acknowledgement). Whoever takes a
/// share of the work holds it and releases it when done: the publisher while it publishes, every bus subscription
/// that queued the message until its handler returned (or the message was shed), a node that keeps the message for
/// later (delay, throttle's queue), and an outbound MQTT publish until the broker confirmed it. The last release
/// settles the delivery. It travels by reference on <see cref="HubMessage.Delivery"/> and on flow messages, never as
/// a header, so a script that builds a brand-new message object still carries it on.
/// </summary>
internal abstract class MessageDelivery
{
    private int _owed = 1;
    private int _settled;

    /// <summary>True once the last share was released (or the delivery was given up).</summary>
    public bool IsSettled => Volatile.Read(ref _settled) != 0;

    /// <summary>Takes a share of the work; pair with one <see cref="Release"/>.</summary>
    public void Hold() => Interlocked.Increment(ref _owed);

    /// <summary>Gives a share back; the last one settles the delivery.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _owed) == 0)
        {
            Settle();
        }
    }

    /// <summary>Settles now whatever is still owed (a timeout); later releases change nothing.</summary>
    public void GiveUp() => Settle();

    /// <summary>Called once, on the thread of the last release.</summary>
    protected abstract void OnSettled();

    private void Settle()
    {
        if (Interlocked.Exchange(ref _settled, 1) == 0)
        {
            OnSettled();
        }
    }
}
