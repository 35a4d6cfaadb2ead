using System.Text;
using Luohu.Hub.Runtime.Telemetry;
using MQTTnet.Packets;

namespace Luohu.Hub.Mqtt;

/// <summary>
/// W3C trace context as MQTT 5 user properties. Inbound, every user property already becomes a message header, so a
/// device's <c>traceparent</c> reaches the flow's span; outbound, only the trace context headers go out as properties.
/// </summary>
internal static class MqttTraceContext
{
    /// <summary>The <c>traceparent</c> and <c>tracestate</c> of <paramref name="headers"/> as user properties, or null without them.</summary>
    public static List<MqttUserProperty>? ToUserProperties(IReadOnlyDictionary<string, string> headers)
    {
        if (headers.Count == 0 || !headers.TryGetValue(TraceContext.TraceParent, out var parent))
        {
            return null;
        }

        var properties = new List<MqttUserProperty>(2) { new(TraceContext.TraceParent, Encoding.UTF8.GetBytes(parent)) };
        if (headers.TryGetValue(TraceContext.TraceState, out var state))
        {
            properties.Add(new(TraceContext.TraceState, Encoding.UTF8.GetBytes(state)));
        }

        return properties;
    }
}
