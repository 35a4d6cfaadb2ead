using System.Globalization;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Mqtt.Transport;

namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>Broker → bus. Runs on the inbound client's network thread; blocking here delays the PUBACK on purpose.</summary>
internal sealed partial class MqttBridge
{
    public void OnMessage(IMqttTransport transport, MqttInboundMessage message)
    {
        if (message.Payload.Length > _options.MaxPayloadBytes)
        {
            Reject(message.Topic, $"payload of {message.Payload.Length} bytes on '{message.Topic}' is over Hub:Mqtt:MaxPayloadBytes ({_options.MaxPayloadBytes}); raise the limit or send smaller messages");
            return;
        }

        var hubTopic = _mapper.ToHub(message.Topic);
        if (TopicFilter.ValidateTopic(hubTopic) is { } topicError)
        {
            Reject(message.Topic, $"broker topic '{message.Topic}' maps to an invalid bus topic: {topicError}");
            return;
        }

        var (json, wrappedAs) = MqttPayloads.ToHub(message.Payload);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in message.UserProperties)
        {
            headers[name] = value;
        }

        headers["mqtt-topic"] = message.Topic;
        headers["mqtt-qos"] = message.Qos.ToString(CultureInfo.InvariantCulture);
        headers["mqtt-retain"] = message.Retain ? "true" : "false";
        if (wrappedAs is not null)
        {
            headers[MqttPayloads.WrappedHeader] = wrappedAs;
            Interlocked.Increment(ref _counters.Wrapped);
        }

        var hubMessage = HubMessages.Create(hubTopic, json, Source, _time);
        if (TracksProcessing)
        {
            headers[MqttDeliveryTracker.Header] = hubMessage.Id;
        }

        hubMessage = hubMessage with { Headers = headers };
        if (TracksProcessing)
        {
            WaitForProcessing(hubMessage);
        }
        else
        {
            WaitForHandOver(hubMessage);
        }
    }

    private void WaitForProcessing(HubMessage message)
    {
        using var delivery = _tracker.Begin(message.Id);
        _ = HandOverAsync(message, message.Id, null);
        try
        {
            if (!delivery.Wait(_options.ProcessingTimeout, _stopping.Token))
            {
                Interlocked.Increment(ref _counters.AckTimeouts);
                MqttLog.AckTimeout(_logger, message.Topic, _options.ProcessingTimeout);
            }
        }
        catch (OperationCanceledException)
        {
            // The hub is stopping; the bus drains what it holds.
        }
        finally
        {
            _tracker.Forget(message.Id);
        }
    }

    private void WaitForHandOver(HubMessage message)
    {
        using var handedOver = new ManualResetEventSlim();
        _ = HandOverAsync(message, null, handedOver);
        try
        {
            handedOver.Wait(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // The hub is stopping.
        }
    }

    private async Task HandOverAsync(HubMessage message, string? token, ManualResetEventSlim? handedOver)
    {
        try
        {
            await _bus.PublishAsync(message, _stopping.Token);
            Interlocked.Increment(ref _counters.Received);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the message stays unacknowledged at the broker only if the wait has not given up already.
        }
        catch (Exception e) when (e is BusOverflowException or ArgumentException or InvalidOperationException)
        {
            Reject(message.Topic, $"the bus refused it: {e.Message}");
        }
        finally
        {
            if (token is not null)
            {
                _tracker.Release(token);
            }

            handedOver?.Set();
        }
    }

    private void Reject(string topic, string reason)
    {
        Interlocked.Increment(ref _counters.Rejected);
        _lastRejection = reason;
        MqttLog.Rejected(_logger, topic, reason);
    }
}
