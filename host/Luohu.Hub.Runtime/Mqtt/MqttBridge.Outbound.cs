using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Mqtt.Transport;

namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>Bus → broker: a bounded queue (oldest shed when full, counted), a pump, and a window of unconfirmed publishes.</summary>
internal sealed partial class MqttBridge
{
    private static readonly TimeSpan ReconnectPoll = TimeSpan.FromMilliseconds(50);

    public void OnPublished(IMqttTransport transport, int messageId, int reasonCode)
    {
        MqttOutboundItem? item;
        lock (_inflightGate)
        {
            if (!_inflight.Remove(messageId, out item))
            {
                return;
            }
        }

        if (reasonCode >= 128)
        {
            Interlocked.Increment(ref _counters.OutboundFailures);
            MqttLog.PublishRefused(_logger, messageId, reasonCode);
        }
        else
        {
            Interlocked.Increment(ref _counters.Sent);
        }

        Settle(item);
        _inflightSlots.Release();
    }

    private ValueTask OnBusMessageAsync(HubMessage message, CancellationToken cancellationToken)
    {
        if (message.Source == Source)
        {
            Interlocked.Increment(ref _counters.LoopsPrevented);
            return ValueTask.CompletedTask;
        }

        var token = TracksProcessing ? _tracker.TokenOf(message) : null;
        if (token is not null)
        {
            _tracker.Hold(token, 1);
        }

        var item = new MqttOutboundItem(_mapper.ToBroker(message.Topic), MqttPayloads.ToBroker(message.Payload), token);
        if (!_queue.Writer.TryWrite(item))
        {
            Settle(item);
        }

        return ValueTask.CompletedTask;
    }

    private void OnShed(MqttOutboundItem item)
    {
        Interlocked.Increment(ref _counters.Dropped);
        if (Interlocked.Exchange(ref _shedding, 1) == 0)
        {
            MqttLog.Shedding(_logger, _options.OutboundQueueCapacity);
        }

        Settle(item);
    }

    private void Settle(MqttOutboundItem item)
    {
        if (item.Token is not null)
        {
            _tracker.Release(item.Token);
        }
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
                while (_outbound is not { IsConnected: true })
                {
                    await Task.Delay(ReconnectPoll, _time, cancellationToken);
                }

                await _inflightSlots.WaitAsync(cancellationToken);
                if (!_queue.Reader.TryRead(out var item))
                {
                    _inflightSlots.Release();
                    continue;
                }

                await SendAsync(item, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task SendAsync(MqttOutboundItem item, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // Under the lock so that a PUBACK racing back on the network thread finds the item registered.
                lock (_inflightGate)
                {
                    var messageId = _outbound!.Publish(item.Topic, item.Payload.Span, _qos, retain: false);
                    _inflight[messageId] = item;
                }

                return;
            }
            catch (MqttTransportException e)
            {
                RecordError(e.Message);
                await Task.Delay(ReconnectPoll, _time, cancellationToken);
            }
        }
    }
}
