namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>The message the broker publishes for the hub when its connection dies without a DISCONNECT.</summary>
public sealed class MqttLastWillOptions
{
    /// <summary>Broker topic of the will. Required when a will is configured.</summary>
    public string Topic { get; set; } = string.Empty;

    /// <summary>Payload text (UTF-8). Default empty.</summary>
    public string Payload { get; set; } = string.Empty;

    /// <summary>Default 1.</summary>
    public int Qos { get; set; } = 1;

    /// <summary>Default false.</summary>
    public bool Retain { get; set; }
}
