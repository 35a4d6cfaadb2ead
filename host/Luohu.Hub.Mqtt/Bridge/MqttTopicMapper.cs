namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>Applies <see cref="MqttOptions.Mappings"/>: first matching prefix wins, no match keeps the topic.</summary>
internal sealed class MqttTopicMapper(IEnumerable<MqttTopicMapping> mappings)
{
    private readonly MqttTopicMapping[] _mappings = [.. mappings];

    public string ToHub(string brokerTopic)
    {
        foreach (var mapping in _mappings)
        {
            if (brokerTopic.StartsWith(mapping.Broker, StringComparison.Ordinal))
            {
                return string.Concat(mapping.Hub, brokerTopic.AsSpan(mapping.Broker.Length));
            }
        }

        return brokerTopic;
    }

    public string ToBroker(string hubTopic)
    {
        foreach (var mapping in _mappings)
        {
            if (hubTopic.StartsWith(mapping.Hub, StringComparison.Ordinal))
            {
                return string.Concat(mapping.Broker, hubTopic.AsSpan(mapping.Hub.Length));
            }
        }

        return hubTopic;
    }
}
