namespace Luohu.Hub.Runtime.Bus;

/// <summary>Drops every message and counts it: the runtime's stand-in until the real bus is registered.</summary>
internal sealed class NullMessagePublisher : IMessagePublisher
{
    private long dropped;

    public long Dropped => Interlocked.Read(ref dropped);

    public ValueTask PublishAsync(HubMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref dropped);
        return ValueTask.CompletedTask;
    }
}
