using System.Buffers;
using Luohu.Hub.Runtime.Bus;
using MQTTnet;
using MQTTnet.Exceptions;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>Bus → broker: a bounded queue (oldest shed when full, counted), a pump, and a window of unconfirmed publishes.</summary>
internal sealed partial class MqttBridge
{
    private ValueTask OnBusMessageAsync(HubMessage message, CancellationToken cancellationToken)
    {
        if (message.Source == Source)
        {
            Interlocked.Increment(ref _counters.LoopsPrevented);
            return ValueTask.CompletedTask;
        }

        // Held until the broker confirmed the publish, so an inbound message is acknowledged only after its result left.
        message.Delivery?.Hold();
        // User properties are MQTT 5; a 3.1.1 connection carries no trace context.
        var properties = _options.ProtocolVersion == "3.1.1" ? null : MqttTraceContext.ToUserProperties(message.Headers);
        var item = new OutboundItem(_mapper.ToBroker(message.Topic), MqttPayloads.ToBroker(message.Payload), message.Delivery, properties);
        if (!_queue.Writer.TryWrite(item))
        {
            item.Delivery?.Release();
        }

        return ValueTask.CompletedTask;
    }

    private void OnShed(OutboundItem item)
    {
        Interlocked.Increment(ref _counters.Dropped);
        if (Interlocked.Exchange(ref _shedding, 1) == 0)
        {
            MqttLog.Shedding(_logger, _options.OutboundQueueCapacity);
        }

        item.Delivery?.Release();
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                // Wait for a connection before taking the item, so a message waiting out an outage stays in the
                // (bounded, shedding) queue where it is counted and visible.
                await _outbound!.WaitConnectedAsync(cancellationToken);
                await _inflightSlots.WaitAsync(cancellationToken);
                if (!_queue.Reader.TryRead(out var item))
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
