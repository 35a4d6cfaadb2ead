using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>Embedded broker log messages; event ids 4100–4199.</summary>
internal static partial class MqttBrokerLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Endpoints} (anonymous: {Anonymous})")]
    public static partial void Listening(ILogger logger, IEnumerable<string> endpoints, bool anonymous);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "{Reason}")]
    public static partial void ListenFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "MQTT client '{ClientId}' from {Endpoint} refused: {Reason}")]
    public static partial void ConnectionRefused(ILogger logger, string clientId, string? endpoint, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "MQTT client '{ClientId}' may not subscribe to '{Filter}': {Reason}")]
    public static partial void SubscribeDenied(ILogger logger, string clientId, string filter, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "MQTT client '{ClientId}' may not publish to '{Topic}': department '{Department}' has no stream grant (or credential filter) covering it")]
    public static partial void PublishDenied(ILogger logger, string clientId, string topic, string department);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "MQTT message on '{Topic}' rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "MQTT client '{ClientId}' disconnected for flooding: over {Rate} msg/s without pause for {Duration}")]
    public static partial void FloodDisconnect(ILogger logger, string clientId, int rate, TimeSpan duration);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning,
        Message = "MQTT client '{ClientId}': its pending queue ({Capacity}) is full, the oldest messages are dropped; every drop is counted on /api/v1/mqtt (logged once)")]
    public static partial void QueueOverflow(ILogger logger, string clientId, int capacity);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "Embedded MQTT broker could not write its retained messages or sessions; retried in a second")]
    public static partial void SaveFailed(ILogger logger, Exception exception);
}
