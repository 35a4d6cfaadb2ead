using System.Buffers;
using System.Collections;
using System.Globalization;
using Luohu.Hub.Runtime.Bus;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>Client publishes into the bus (ACL, size, flood throttle) and bus messages out to subscribed clients.</summary>
internal sealed partial class EmbeddedBroker
{
    /// <summary>Session items of the hub's own injected messages: how the interceptor tells them from a client's.</summary>
    private readonly Hashtable _hubItems = new() { ["luohu-hub"] = true };
    private static readonly object DroppedMarker = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _droppedPackets = [];

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (ReferenceEquals(e.SessionItems, _hubItems))
        {
            return;
        }

        var message = e.ApplicationMessage;
        if (e.SessionItems?[DeviceSession.Key] is not DeviceSession session)
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            return;
        }

        Interlocked.Increment(ref session.Received);
        if (session.Take(_time.GetTimestamp(), _time.TimestampFrequency, _options.MaxMessagesPerSecondPerClient, _options.FloodBurst, _options.FloodDisconnectAfter) is not { } wait)
        {
            Interlocked.Increment(ref _counters.FloodDisconnects);
            MqttBrokerLog.FloodDisconnect(_logger, session.ClientId, _options.MaxMessagesPerSecondPerClient, _options.FloodDisconnectAfter);
            e.ProcessPublish = false;
            e.CloseConnection = true;
            return;
        }

        if (wait > TimeSpan.Zero)
        {
            // Only this client's own receive loop waits: its TCP window fills, the other clients go on.
            Interlocked.Increment(ref _counters.Throttled);
            Interlocked.Increment(ref session.Throttled);
            await Task.Delay(wait, _time, e.CancellationToken);
        }

        if (!session.MayPublish(message.Topic, _grants.Current))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            e.Response.ReasonString = $"department '{session.Department}' may not publish to '{message.Topic}'";
            Interlocked.Increment(ref _counters.Denied);
            Interlocked.Increment(ref session.Denied);
            MqttBrokerLog.PublishDenied(_logger, session.ClientId, message.Topic, session.Department);
            return;
        }

        var hubMessage = ToHub(message, session, e);
        if (hubMessage is null)
        {
            return;
        }

        var delivery = hubMessage.Delivery as BrokerDelivery;
        try
        {
            await _bus.PublishAsync(hubMessage, _stopping.Token);
            Interlocked.Increment(ref _counters.Received);
        }
        catch (Exception ex) when (ex is BusOverflowException or ArgumentException or InvalidOperationException)
        {
            Reject(e, message.Topic, $"the bus refused it: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            e.ProcessPublish = false;
            return;
        }
        finally
        {
            delivery?.Release();
        }

        if (delivery is not null)
        {
            try
            {
                await delivery.Done.WaitAsync(_mqtt.ProcessingTimeout, _time, _stopping.Token);
            }
            catch (TimeoutException)
            {
                delivery.GiveUp();
                Interlocked.Increment(ref _counters.AckTimeouts);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the broker goes down with the hub; the client publishes again to the next one.
            }
        }
    }

    private HubMessage? ToHub(MqttApplicationMessage message, DeviceSession session, InterceptingPublishEventArgs e)
    {
        var payload = MqttPayloads.Of(message.Payload);
        if (payload.Length > _mqtt.MaxPayloadBytes)
        {
            Reject(e, message.Topic, $"payload of {payload.Length} bytes on '{message.Topic}' from '{session.ClientId}' is over Hub:Mqtt:MaxPayloadBytes ({_mqtt.MaxPayloadBytes})");
            return null;
        }

        if (TopicFilter.ValidateTopic(message.Topic) is { } topicError)
        {
            Reject(e, message.Topic, topicError);
            return null;
        }

        var (json, wrappedAs) = MqttPayloads.ToHub(payload);
        var headers = new Dictionary<string, string>(5, StringComparer.Ordinal)
        {
            ["mqtt-topic"] = message.Topic,
            ["mqtt-qos"] = ((int)message.QualityOfServiceLevel).ToString(CultureInfo.InvariantCulture),
            ["mqtt-retain"] = message.Retain ? "true" : "false",
            ["mqtt-client"] = session.ClientId,
        };
        if (wrappedAs is not null)
        {
            headers[MqttPayloads.WrappedHeader] = wrappedAs;
        }

        if (message.UserProperties is { } properties)
        {
            foreach (var property in properties)
            {
                headers.TryAdd(property.Name, property.ReadValueAsString());
            }
        }

        var now = _time.GetUtcNow();
        var tracked = message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce && _mqtt.InboundAck == Bridge.MqttInboundAck.AfterProcessing;
        return new HubMessage
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            Topic = message.Topic,
            Payload = json,
            Headers = headers,
            Timestamp = now,
            Source = Source,
            Delivery = tracked ? new BrokerDelivery() : null,
        };
    }

    private void Reject(InterceptingPublishEventArgs e, string topic, string reason)
    {
        e.ProcessPublish = false;
        e.Response.ReasonCode = MqttPubAckReasonCode.ImplementationSpecificError;
        e.Response.ReasonString = reason;
        Interlocked.Increment(ref _counters.Rejected);
        _lastRejection = reason;
        MqttBrokerLog.Rejected(_logger, topic, reason);
    }

    /// <summary>A bus message for the clients subscribed to it; skipped at once when no subscription matches.</summary>
    private async ValueTask DeliverAsync(HubMessage message, CancellationToken cancellationToken)
    {
        if (message.Source == Source)
        {
            return;
        }

        var wanted = false;
        foreach (var filter in _activeFilters)
        {
            if (filter.Matches(message.Topic))
            {
                wanted = true;
                break;
            }
        }

        if (!wanted)
        {
            return;
        }

        var outgoing = new MqttApplicationMessage
        {
            Topic = message.Topic,
            Payload = new ReadOnlySequence<byte>(MqttPayloads.ToBroker(message.Payload)),
            QualityOfServiceLevel = (MqttQualityOfServiceLevel)_options.Qos,
            UserProperties = MqttTraceContext.ToUserProperties(message.Headers),
        };
        QueueForRestoredSessions(outgoing);
        await _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(outgoing) { SenderClientId = "luohu-hub", CustomSessionItems = _hubItems }, cancellationToken);
        Interlocked.Increment(ref _counters.Delivered);
    }

    private Task OnEnqueuedOrDroppedAsync(ApplicationMessageEnqueuedEventArgs e)
    {
        if (e.IsDropped)
        {
            CountQueueDrop(e.ReceiverClientId);
        }
        else
        {
            _persistence?.QueuedWhileOffline(e.ReceiverClientId, e.ApplicationMessage);
        }

        return Task.CompletedTask;
    }

    private Task OnQueueOverflowAsync(QueueMessageOverwrittenEventArgs e)
    {
        // MQTTnet keeps a dropped QoS 1 packet among the unacknowledged ones and drops it again when the session
        // recovers on reconnect: a message is counted once, however often it is dropped.
        if (_droppedPackets.TryAdd(e.Packet, DroppedMarker))
        {
            CountQueueDrop(e.ReceiverClientId);
        }

        return Task.CompletedTask;
    }

    private void CountQueueDrop(string clientId)
    {
        if (Interlocked.Increment(ref _counters.QueueDrops) == 1)
        {
            MqttBrokerLog.QueueOverflow(_logger, clientId, _options.MaxPendingMessagesPerClient);
        }

        _dropsByClient.AddOrUpdate(clientId, 1, (_, n) => n + 1);
    }
}
