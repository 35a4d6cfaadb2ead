using System.Globalization;
using Luohu.Hub.Runtime.Bus;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>Broker → bus. Returns to MQTTnet at once; QoS 1 messages are acknowledged later, when settled.</summary>
internal sealed partial class MqttBridge
{
    private async Task OnReceivedAsync(MqttApplicationMessageReceivedEventArgs received)
    {
        var message = received.ApplicationMessage;
        InboundDelivery? delivery = null;
        if (message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce && _acks is { } acks)
        {
            received.AutoAcknowledge = false;
            delivery = new InboundDelivery(acks, received, _time.GetTimestamp());
            acks.Add(delivery);
        }

        try
        {
            var hubMessage = ToHub(message, TracksProcessing ? delivery : null);
            if (hubMessage is null)
            {
                return;
            }

            await _bus.PublishAsync(hubMessage, _stopping.Token);
            Interlocked.Increment(ref _counters.Received);
        }
        catch (OperationCanceledException)
        {
            // Stopping: unacknowledged, the broker sends it again.
        }
        catch (Exception e) when (e is BusOverflowException or ArgumentException or InvalidOperationException)
        {
            Reject(message.Topic, $"the bus refused it: {e.Message}");
        }
        finally
        {
            // The bridge's own share: with AfterHandOver the only one, so the message is acknowledged once queued.
            delivery?.Release();
        }
    }

    private HubMessage? ToHub(MqttApplicationMessage message, MessageDelivery? delivery)
    {
        var payload = MqttPayloads.Of(message.Payload);
        if (payload.Length > _options.MaxPayloadBytes)
        {
            Reject(message.Topic, $"payload of {payload.Length} bytes on '{message.Topic}' is over Hub:Mqtt:MaxPayloadBytes ({_options.MaxPayloadBytes}); raise the limit or send smaller messages");
            return null;
        }

        var hubTopic = _mapper.ToHub(message.Topic);
        if (TopicFilter.ValidateTopic(hubTopic) is { } topicError)
        {
            Reject(message.Topic, $"broker topic '{message.Topic}' maps to an invalid bus topic: {topicError}");
            return null;
        }

        var (json, wrappedAs) = MqttPayloads.ToHub(payload);
        var headers = new Dictionary<string, string>((message.UserProperties?.Count ?? 0) + 4, StringComparer.Ordinal);
        if (message.UserProperties is { } properties)
        {
            foreach (var property in properties)
            {
                headers[property.Name] = property.ReadValueAsString();
            }
        }

        headers["mqtt-topic"] = message.Topic;
        headers["mqtt-qos"] = ((int)message.QualityOfServiceLevel).ToString(CultureInfo.InvariantCulture);
        headers["mqtt-retain"] = message.Retain ? "true" : "false";
        if (wrappedAs is not null)
        {
            headers[MqttPayloads.WrappedHeader] = wrappedAs;
            Interlocked.Increment(ref _counters.Wrapped);
        }

        var now = _time.GetUtcNow();
        return new HubMessage
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Topic = hubTopic,
            Payload = json,
            Headers = headers,
            Timestamp = now,
            Source = Source,
            Delivery = delivery,
        };
    }

    /// <summary>Acknowledges anyway what outlasted the processing timeout while the acknowledgements stood still, so a
    /// stuck message never keeps the broker's window full.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, _options.ProcessingTimeout.Ticks / 4));
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var timeout = (long)(_options.ProcessingTimeout.TotalSeconds * _time.TimestampFrequency);
                if (_acks?.GiveUpIfStalled(_time.GetTimestamp(), timeout) is > 0 and var late)
                {
                    Interlocked.Add(ref _counters.AckTimeouts, late);
                    MqttLog.AckTimeout(_logger, late, _options.ProcessingTimeout);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void Reject(string topic, string reason)
    {
        Interlocked.Increment(ref _counters.Rejected);
        _lastRejection = reason;
        MqttLog.Rejected(_logger, topic, reason);
    }
}
