using System.Collections.Concurrent;
using System.Text.Json;
using Luohu.Hub.Plugins.Parking.Model;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary>
/// The car parks as real MQTT devices: one gateway connection per subdistrict (client id <c>parking-gw-{area}</c>),
/// signed in with the device credential from the settings, publishing each car park's reading at QoS 1 on
/// <c>sensors/parking/{lot}/occupancy</c> — the path a vendor's field gateway takes into the hub's embedded broker.
/// A gateway that cannot connect is retried on the next tick; the simulation goes on.
/// </summary>
internal sealed class MqttGateways(ParkingOptions options, TimeProvider time, ILogger<MqttGateways> logger) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, IMqttClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _retryAfter = new(StringComparer.Ordinal);
    private long _published;
    private long _failed;

    public long Published => Interlocked.Read(ref _published);

    public long Failed => Interlocked.Read(ref _failed);

    public int Connected => _clients.Values.Count(c => c.IsConnected);

    public async Task PublishAsync(CarParkState state, CancellationToken cancellationToken)
    {
        var client = await ClientAsync(state.Area, cancellationToken);
        if (client is null)
        {
            Interlocked.Increment(ref _failed);
            return;
        }

        var message = new MqttApplicationMessage
        {
            Topic = OccupancyEvent.TopicOf(state.Lot),
            PayloadSegment = JsonSerializer.SerializeToUtf8Bytes(OccupancyEvent.From(state), Json),
            QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
        };
        try
        {
            var result = await client.PublishAsync(message, cancellationToken);
            if ((int)result.ReasonCode < 0x80)
            {
                Interlocked.Increment(ref _published);
                return;
            }

            Log.GatewayRefused(logger, state.Area, message.Topic, result.ReasonCode.ToString());
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException)
        {
            Log.GatewayFailed(logger, state.Area, e.Message);
        }

        Interlocked.Increment(ref _failed);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync();
                }
                catch (MQTTnet.Exceptions.MqttCommunicationException)
                {
                    // Going away anyway.
                }
            }

            client.Dispose();
        }
    }

    private async Task<IMqttClient?> ClientAsync(string area, CancellationToken cancellationToken)
    {
        var client = _clients.GetOrAdd(area, _ => new MqttClientFactory().CreateMqttClient());
        if (client.IsConnected)
        {
            return client;
        }

        var now = time.GetUtcNow();
        if (_retryAfter.TryGetValue(area, out var after) && now < after)
        {
            return null;
        }

        var uri = new Uri(options.MqttUrl!);
        var connect = new MqttClientOptionsBuilder()
            .WithTcpServer(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 1883 : uri.Port)
            .WithClientId($"parking-gw-{area}")
            .WithCredentials(options.MqttUserName, options.MqttPassword)
            .WithCleanStart()
            .Build();
        try
        {
            var result = await client.ConnectAsync(connect, cancellationToken);
            if (result.ResultCode == MqttClientConnectResultCode.Success)
            {
                Log.GatewayConnected(logger, area, options.MqttUrl!);
                return client;
            }

            Log.GatewayFailed(logger, area, $"the broker refused the sign-in: {result.ResultCode}");
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.GatewayFailed(logger, area, e.Message);
        }

        _retryAfter[area] = now.AddSeconds(5);
        return null;
    }
}
