namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>
/// One incoming message on its way through the hub: a count of the handlings still owed (bus subscriptions that got it
/// or a message derived from it, outbound publishes not yet confirmed by the broker), plus one held by the bridge until
/// the hand-over itself is done. Reaching zero releases the waiting network thread.
/// </summary>
internal sealed class MqttDelivery : IDisposable
{
    private readonly ManualResetEventSlim _done = new();
    private int _owed = 1;

    public MqttDelivery(string token)
    {
        Token = token;
    }

    public string Token { get; }

    public void Hold(int count) => Interlocked.Add(ref _owed, count);

    /// <summary>Returns true when this release settled the delivery.</summary>
    public bool Release()
    {
        if (Interlocked.Decrement(ref _owed) == 0)
        {
            _done.Set();
            return true;
        }

        return false;
    }

    /// <summary>Blocks the calling (network) thread until settled; false on timeout.</summary>
    public bool Wait(TimeSpan timeout, CancellationToken cancellationToken) => _done.Wait(timeout, cancellationToken);

    public void Dispose() => _done.Dispose();
}
