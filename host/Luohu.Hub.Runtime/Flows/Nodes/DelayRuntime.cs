using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class DelayRuntime(NodeBuildContext context, DelayNodeType.Settings settings) : FlowNodeRuntime(context)
{
    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref Host.State.Pending) > settings.MaxPending)
        {
            Interlocked.Decrement(ref Host.State.Pending);
            Interlocked.Increment(ref Host.State.Dropped);
            throw new InvalidOperationException(
                $"Delay node '{Host.NodeId}' already holds {settings.MaxPending} messages (maxPending); this one was not delayed. Raise maxPending or shorten the delay.");
        }

        // The delayed message is still being processed: its delivery stays open until it left the node and was handled downstream.
        message.Delivery?.Hold();
        _ = SendLaterAsync(message, TimeSpan.FromMilliseconds(DelayOf(message)));
        return ValueTask.CompletedTask;
    }

    private double DelayOf(FlowMessage message) =>
        JsonNumber.TryGet(settings.MsPath?.Get(message.Body), out var ms)
            ? Math.Clamp(ms, 0, DelayNodeType.MaxDelayMs)
            : settings.Ms;

    private async Task SendLaterAsync(FlowMessage message, TimeSpan delay)
    {
        try
        {
            var stopping = Host.Stopping;
            await Task.Delay(delay, Host.Services.Time, stopping);
            await Host.EmitAsync(0, message, stopping);
        }
        catch (OperationCanceledException)
        {
            // The flow stopped while the message waited.
        }
        finally
        {
            Interlocked.Decrement(ref Host.State.Pending);
            message.Delivery?.Release();
        }
    }
}
