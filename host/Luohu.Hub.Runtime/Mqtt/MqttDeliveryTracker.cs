using System.Collections.Concurrent;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>
/// Follows incoming MQTT messages through the bus by the <see cref="Header"/> header, which flows copy onto the
/// messages they publish, so the bridge knows when everything caused by a message has been handled.
/// </summary>
internal sealed class MqttDeliveryTracker
{
    /// <summary>The header carrying the delivery token.</summary>
    public const string Header = "mqtt-delivery";

    private readonly ConcurrentDictionary<string, MqttDelivery> _open = new(StringComparer.Ordinal);

    public int OpenCount => _open.Count;

    public MqttDelivery Begin(string token)
    {
        var delivery = new MqttDelivery(token);
        _open[token] = delivery;
        return delivery;
    }

    /// <summary>The token of a message still being followed, or null.</summary>
    public string? TokenOf(HubMessage message) =>
        message.Headers.TryGetValue(Header, out var token) && _open.ContainsKey(token) ? token : null;

    public void Hold(string token, int count)
    {
        if (count > 0 && _open.TryGetValue(token, out var delivery))
        {
            delivery.Hold(count);
        }
    }

    public void Release(string token)
    {
        if (_open.TryGetValue(token, out var delivery) && delivery.Release())
        {
            _open.TryRemove(token, out _);
        }
    }

    /// <summary>Stops following a delivery whose wait gave up, so late handlings of it are no-ops.</summary>
    public void Forget(string token) => _open.TryRemove(token, out _);
}
