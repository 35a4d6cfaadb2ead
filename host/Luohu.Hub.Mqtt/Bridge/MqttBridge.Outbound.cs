using System.Buffers;
using Luohu.Hub.Runtime.Bus;
using MQTTnet;
using MQTTnet.Exceptions;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>Bus → broker: two bounded queues (one waits when full, one sheds its oldest: see the class remarks), a
/// pump, and a window of unconfirmed publishes.</summary>
internal sealed partial class MqttBridge
{
    private ValueTask OnBusMessageAsync(HubMessage message, CancellationToken cancellationToken)
    {
        if (message.Source == Source)
        {
            Interlocked.Increment(ref _counters.LoopsPrevented);
            return ValueTask.CompletedTask;
        }

        // User properties are MQTT 5; a 3.1.1 connection carries no trace context.
        var properties = _options.ProtocolVersion == "3.1.1" ? null : MqttTraceContext.ToUserProperties(message.Headers);
        var item = new OutboundItem(_mapper.ToBroker(message.Topic), MqttPayloads.ToBroker(message.Payload), message.Delivery, properties);
        if (item.Delivery is not { } delivery)
        {
            // Nothing waits for it: the shedding queue (it never refuses; a full one drops its oldest).
            _queue.Writer.TryWrite(item);
            _queued.Release();
            return ValueTask.CompletedTask;
        }

        // Held until the broker confirmed the publish, so an inbound message is acknowledged only after its result left.
        delivery.Hold();
        if (_held.Writer.TryWrite(item))
        {
            _queued.Release();
            return ValueTask.CompletedTask;
        }

        return WaitForRoomAsync(item, cancellationToken);
    }

    /// <summary>The held queue is full: the bus subscription waits here, and so, through it, does the inbound side.</summary>
    private async ValueTask WaitForRoomAsync(OutboundItem item, CancellationToken cancellationToken)
    {
        try
        {
            await _held.Writer.WriteAsync(item, cancellationToken);
            _queued.Release();
        }
        catch (OperationCanceledException)
        {
            // Stopping: unacknowledged (the acknowledgements stop too), so the broker sends the inbound message again.
            item.Delivery!.Release();
            throw;
        }
    }

    private void OnShed(OutboundItem item)
    {
        Interlocked.Increment(ref _counters.Dropped);
        if (Interlocked.Exchange(ref _shedding, 1) == 0)
        {
            MqttLog.Shedding(_logger, _options.OutboundQueueCapacity);
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                // One count per item written to either queue (a shed item leaves a count behind: that round finds
                // nothing and goes on). Wait for a connection before taking the item, so a message waiting out an
                // outage stays in its bounded queue, where it is counted and visible.
                await _queued.WaitAsync(cancellationToken);
                await _outbound!.WaitConnectedAsync(cancellationToken);
                await _inflightSlots.WaitAsync(cancellationToken);
                if (!_held.Reader.TryRead(out var item) && !_queue.Reader.TryRead(out item))
                {
                    _inflightSlots.Release();
                    continue;
                }

                _ = SendAsync(item, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task SendAsync(OutboundItem item, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessage
        {
            Topic = item.Topic,
            Payload = new ReadOnlySequence<byte>(item.Payload),
            QualityOfServiceLevel = _qos,
            UserProperties = item.UserProperties,
        };
        try
        {
            while (true)
            {
                try
                {
                    var result = await _outbound!.Client.PublishAsync(message, cancellationToken);
                    if ((int)result.ReasonCode >= 0x80)
                    {
                        Interlocked.Increment(ref _counters.OutboundFailures);
                        MqttLog.PublishRefused(_logger, item.Topic, result.ReasonCode.ToString());
                    }
                    else
                    {
                        Interlocked.Increment(ref _counters.Sent);
                    }

                    return;
                }
                catch (Exception e) when (e is MqttCommunicationException or MqttClientNotConnectedException or MqttClientDisconnectedException)
                {
                    // Lost on the way: publish it again once reconnected (at-least-once; the broker may see it twice).
                    RecordError(e.Message);
                    await _outbound!.WaitConnectedAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            _inflightSlots.Release();
            item.Delivery?.Release();
        }
    }
}
