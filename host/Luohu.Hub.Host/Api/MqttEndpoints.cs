using Luohu.Hub.Mqtt;

namespace Luohu.Hub.Host.Api;

/// <summary><c>/api/v1/mqtt</c>: the MQTT bridge's state (enabled false when no broker is configured).</summary>
internal static class MqttEndpoints
{
    public static RouteGroupBuilder MapMqttApi(this RouteGroupBuilder api)
    {
        api.MapGet("/mqtt", (IMqttStatus status) => TypedResults.Ok(status.GetState()))
            .WithTags("MQTT")
            .WithSummary("MQTT: the bridge to an external broker (connected, last error, counts, queue) and the embedded broker (endpoints, counts, connected clients with their rates, queue drops).");
        return api;
    }
}
