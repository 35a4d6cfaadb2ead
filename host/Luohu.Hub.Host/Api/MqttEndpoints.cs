using Luohu.Hub.Runtime.Mqtt;

namespace Luohu.Hub.Host.Api;

/// <summary><c>/api/v1/mqtt</c>: the MQTT bridge's state (enabled false when no broker is configured).</summary>
internal static class MqttEndpoints
{
    public static RouteGroupBuilder MapMqttApi(this RouteGroupBuilder api)
    {
        api.MapGet("/mqtt", (IMqttBridgeStatus status) => TypedResults.Ok(status.GetState()))
            .WithTags("MQTT")
            .WithSummary("MQTT bridge: connected, last error, in/out/dropped/rejected counts, queue depth, subscriptions.");
        return api;
    }
}
