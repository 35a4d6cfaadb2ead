using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>MQTT bridge log messages; event ids 4000–4099 are the bridge's.</summary>
internal static partial class MqttLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "MQTT bridge starting: broker {Broker}, MQTT {Protocol}, subscribe [{Subscribe}], publish [{Publish}], ack {Ack}")]
    public static partial void Starting(ILogger logger, MqttBrokerAddress broker, string protocol, IEnumerable<string> subscribe, IEnumerable<string> publish, MqttInboundAck ack);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "MQTT client '{ClientId}' connected (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string clientId, bool sessionPresent);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "MQTT client '{ClientId}': {Reason}; reconnecting with backoff, the hub goes on")]
    public static partial void Disconnected(ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "MQTT message on '{Topic}' rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "MQTT outbound queue full (capacity {Capacity}): shedding the oldest messages while the broker is away; see 'dropped' on /api/v1/mqtt. Logged once per outage")]
    public static partial void Shedding(ILogger logger, int capacity);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
        Message = "{Count} MQTT message(s) not fully processed within {Timeout}; acknowledged anyway (see 'ackTimeouts' on /api/v1/mqtt; a crash now would lose them)")]
    public static partial void AckTimeout(ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "MQTT bridge could not {Operation}")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Broker refused the MQTT publish on '{Topic}' ({ReasonCode})")]
    public static partial void PublishRefused(ILogger logger, string topic, string reasonCode);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "MQTT bridge stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Debug, Message = "MQTT acknowledgement of a message on '{Topic}' not sent ({Reason}); the broker sends the message again")]
    public static partial void AckFailed(ILogger logger, string topic, string reason);
}
