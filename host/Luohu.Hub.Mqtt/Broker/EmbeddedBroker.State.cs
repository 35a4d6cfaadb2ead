using System.Collections.Concurrent;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>The broker's state, the once-a-second client rate sampler, and the persistence writer.</summary>
internal sealed partial class EmbeddedBroker
{
    private readonly ConcurrentDictionary<string, long> _dropsByClient = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<BrokerClientState> _clients = [];

    public EmbeddedBrokerState GetState() => new()
    {
        Listening = _listening,
        Endpoints = [.. _endpoints],
        LastError = _lastError,
        AllowAnonymous = _options.AllowAnonymous,
        Received = Interlocked.Read(ref _counters.Received),
        Delivered = Interlocked.Read(ref _counters.Delivered),
        Denied = Interlocked.Read(ref _counters.Denied),
        RefusedConnections = Interlocked.Read(ref _counters.RefusedConnections),
        Rejected = Interlocked.Read(ref _counters.Rejected),
        LastRejection = _lastRejection,
        QueueDrops = Interlocked.Read(ref _counters.QueueDrops),
        AckTimeouts = Interlocked.Read(ref _counters.AckTimeouts),
        Throttled = Interlocked.Read(ref _counters.Throttled),
        FloodDisconnects = Interlocked.Read(ref _counters.FloodDisconnects),
        MaxPendingMessagesPerClient = _options.MaxPendingMessagesPerClient,
        MaxMessagesPerSecondPerClient = _options.MaxMessagesPerSecondPerClient,
        RetainedMessages = _persistence?.RetainedCount ?? 0,
        Sessions = _persistence?.Sessions.Count ?? 0,
        Clients = _clients,
    };

    private async Task HousekeepingAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        var last = _time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = _time.GetTimestamp();
                await SampleClientsAsync((now - last) / (double)_time.TimestampFrequency);
                last = now;
                try
                {
                    _persistence?.Save();
                }
                catch (IOException e)
                {
                    MqttBrokerLog.SaveFailed(_logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task SampleClientsAsync(double seconds)
    {
        var clients = await _server.GetClientsAsync();
        var states = new List<BrokerClientState>(clients.Count);
        foreach (var client in clients)
        {
            if (client.Session?.Items[DeviceSession.Key] is not DeviceSession session)
            {
                continue;
            }

            var received = Interlocked.Read(ref session.Received);
            var sent = client.SentApplicationMessagesCount;
            if (seconds > 0)
            {
                session.ReceivedPerSecond = Math.Round((received - session.LastReceivedSample) / seconds, 1);
                session.SentPerSecond = Math.Round((sent - session.LastSentSample) / seconds, 1);
            }

            session.LastReceivedSample = received;
            session.LastSentSample = sent;
            states.Add(new BrokerClientState
            {
                ClientId = session.ClientId,
                Credential = session.CredentialId is null ? null : Runtime.Security.DeviceCredentialTokens.UserNameOf(session.CredentialId),
                Department = session.Department,
                Endpoint = session.Endpoint,
                ConnectedAt = session.ConnectedAt,
                Received = received,
                Sent = sent,
                ReceivedPerSecond = session.ReceivedPerSecond,
                SentPerSecond = session.SentPerSecond,
                PendingMessages = client.Session.PendingApplicationMessagesCount,
                QueueDrops = _dropsByClient.GetValueOrDefault(session.ClientId),
                Throttled = Interlocked.Read(ref session.Throttled),
                Denied = Interlocked.Read(ref session.Denied),
            });
        }

        _clients = states;
    }
}
