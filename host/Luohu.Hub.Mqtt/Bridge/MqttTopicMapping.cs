namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>
/// A prefix rewrite applied both ways: a broker topic starting with <see cref="Broker"/> enters the bus with that prefix
/// replaced by <see cref="Hub"/>, and a bus topic starting with <see cref="Hub"/> leaves with <see cref="Broker"/>.
/// The first mapping whose prefix matches wins; a topic no mapping matches keeps its name.
/// </summary>
public sealed class MqttTopicMapping
{
    /// <summary>Prefix on the broker side, e.g. <c>luohu/</c>.</summary>
    public string Broker { get; set; } = string.Empty;

    /// <summary>Prefix on the hub side, e.g. <c>""</c> (none).</summary>
    public string Hub { get; set; } = string.Empty;
}
