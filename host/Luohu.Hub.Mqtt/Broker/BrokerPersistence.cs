using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>
/// What the embedded broker keeps across a restart, in <c>{DataPath}/mqtt</c>: retained messages (<c>retained.json</c>,
/// MQTTnet hands over the whole set on each change) and persistent sessions (<c>sessions.json</c>: subscriptions, and
/// the messages queued for a client while it was offline, at most the per-client queue). MQTTnet 5 keeps sessions in
/// memory only; when a client comes back after a restart its subscriptions and queue are put back. Files are written
/// at most once a second when something changed, and at stop (a SIGKILL loses at most that second).
/// </summary>
internal sealed class BrokerPersistence
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _folder;
    private readonly int _maxPending;
    private readonly Lock _retainedGate = new();
    private List<StoredMessage> _retained = [];
    private int _retainedDirty;
    private int _sessionsDirty;

    public BrokerPersistence(string folder, int maxPending)
    {
        _folder = folder;
        _maxPending = maxPending;
    }

    /// <summary>Persistent sessions by client id.</summary>
    public ConcurrentDictionary<string, StoredSession> Sessions { get; private set; } = new(StringComparer.Ordinal);

    public int RetainedCount
    {
        get
        {
            lock (_retainedGate)
            {
                return _retained.Count;
            }
        }
    }

    public void Load()
    {
        Directory.CreateDirectory(_folder);
        var retained = Read<List<StoredMessage>>("retained.json");
        if (retained is not null)
        {
            _retained = retained;
        }

        if (Read<Dictionary<string, StoredSession>>("sessions.json") is { } sessions)
        {
            foreach (var session in sessions.Values)
            {
                session.Restored = true;
            }

            Sessions = new ConcurrentDictionary<string, StoredSession>(sessions, StringComparer.Ordinal);
        }
    }

    public List<MqttApplicationMessage> RetainedMessages()
    {
        lock (_retainedGate)
        {
            return [.. _retained.Select(m => m.ToMessage())];
        }
    }

    public void SetRetained(IEnumerable<MqttApplicationMessage> all)
    {
        var stored = all.Select(StoredMessage.Of).ToList();
        lock (_retainedGate)
        {
            _retained = stored;
        }

        Volatile.Write(ref _retainedDirty, 1);
    }

    public void Subscribed(string clientId, string filter, int qos)
    {
        Sessions.GetOrAdd(clientId, _ => new StoredSession()).Subscriptions[filter] = qos;
        Volatile.Write(ref _sessionsDirty, 1);
    }

    public void Unsubscribed(string clientId, string filter)
    {
        if (Sessions.TryGetValue(clientId, out var session))
        {
            session.Subscriptions.Remove(filter);
            Volatile.Write(ref _sessionsDirty, 1);
        }
    }

    public void Forget(string clientId)
    {
        if (Sessions.TryRemove(clientId, out _))
        {
            Volatile.Write(ref _sessionsDirty, 1);
        }
    }

    /// <summary>A message MQTTnet queued for an offline persistent client: kept too, so a restart does not lose it.</summary>
    public void QueuedWhileOffline(string clientId, MqttApplicationMessage message)
    {
        if (Sessions.TryGetValue(clientId, out var session) && !session.Online && !string.IsNullOrEmpty(clientId))
        {
            lock (session)
            {
                if (session.Pending.Count >= _maxPending)
                {
                    session.Pending.RemoveAt(0);
                }

                session.Pending.Add(StoredMessage.Of(message));
            }

            Volatile.Write(ref _sessionsDirty, 1);
        }
    }

    /// <summary>Marks a client online (from now on its queue is the live MQTTnet session's) or offline.</summary>
    public void SetOnline(string clientId, bool online)
    {
        if (Sessions.TryGetValue(clientId, out var session))
        {
            session.Online = online;
            if (online)
            {
                session.Restored = false;
            }

            if (online)
            {
                lock (session)
                {
                    session.Pending.Clear();
                }
            }

            Volatile.Write(ref _sessionsDirty, 1);
        }
    }

    /// <summary>Writes what changed since the last save.</summary>
    public void Save()
    {
        if (Interlocked.Exchange(ref _retainedDirty, 0) == 1)
        {
            List<StoredMessage> retained;
            lock (_retainedGate)
            {
                retained = _retained;
            }

            Write("retained.json", retained);
        }

        if (Interlocked.Exchange(ref _sessionsDirty, 0) == 1)
        {
            var snapshot = Sessions.ToDictionary(p => p.Key, p =>
            {
                lock (p.Value)
                {
                    return new StoredSession { Subscriptions = new(p.Value.Subscriptions, StringComparer.Ordinal), Pending = [.. p.Value.Pending] };
                }
            }, StringComparer.Ordinal);
            Write("sessions.json", snapshot);
        }
    }

    private T? Read<T>(string name)
        where T : class
    {
        var path = Path.Combine(_folder, name);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException)
        {
            // A damaged file (the hub died while writing) starts the broker empty rather than not at all.
            return null;
        }
    }

    private void Write<T>(string name, T value)
    {
        var path = Path.Combine(_folder, name);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(value, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
