using System.Threading.Channels;
using Luohu.Hub.Sdk.Connectors;
using StreamJsonRpc;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// An event source's sink inside the plugin process. It checks each event as the hub's sink does (so the plugin
/// sees the same errors), then queues it; one pump sends the queue to the hub in batches, one batch in flight,
/// which keeps the source's order and makes a slow hub slow the source down (the queue is bounded).
/// </summary>
internal sealed class RemoteEventSink : IEventSink, IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly Channel<RemoteEvent> queue = Channel.CreateBounded<RemoteEvent>(new BoundedChannelOptions(4096) { SingleReader = true });
    private readonly JsonRpc rpc;
    private readonly string sourceId;
    private readonly int maxBytes;
    private readonly Task pump;

    public RemoteEventSink(JsonRpc rpc, string sourceId, int maxBytes)
    {
        this.rpc = rpc;
        this.sourceId = sourceId;
        this.maxBytes = maxBytes;
        pump = Task.Run(PumpAsync);
    }

    public ValueTask EmitAsync(string topic, ReadOnlyMemory<byte> utf8JsonPayload, CancellationToken cancellationToken)
    {
        if (PluginEventSink.Validate(topic, utf8JsonPayload.Span, maxBytes) is { } problem)
        {
            _ = rpc.NotifyAsync("Rejected", sourceId, problem);
            throw new ArgumentException($"Event from 'plugin/{sourceId}' rejected: {problem}");
        }

        // The plugin may reuse its buffer once EmitAsync returns.
        return queue.Writer.WriteAsync(new RemoteEvent(topic, utf8JsonPayload.ToArray()), cancellationToken);
    }

    /// <summary>Sends what is queued before the source's run ends.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await pump;
    }

    private async Task PumpAsync()
    {
        var batch = new List<RemoteEvent>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await rpc.InvokeAsync("Events", sourceId, batch);
            }
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException)
        {
            // The hub is gone; the process ends with the channel.
        }
    }
}
