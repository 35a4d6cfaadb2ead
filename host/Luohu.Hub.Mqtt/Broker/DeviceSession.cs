using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>
/// One signed-in client of the embedded broker, kept in MQTTnet's session items: who it acts for, its counters and
/// its flood bucket. MQTTnet runs one client's inbound packets one after another, so the bucket and the ACL cache are
/// touched by that loop alone and need no lock; the counters are read by the status and moved with Interlocked.
/// </summary>
internal sealed class DeviceSession
{
    /// <summary>The key of this object in MQTTnet's session items.</summary>
    public static readonly object Key = new();

    private readonly Dictionary<string, bool> _publishDecisions = new(StringComparer.Ordinal);
    private GrantSet? _decidedWith;
    private double _tokens;
    private long _refilledAt;
    private long _throttledSince;

    public DeviceSession(string clientId, string? credentialId, string department, IReadOnlyList<string> publish, string? endpoint, DateTimeOffset connectedAt, int burst)
    {
        ClientId = clientId;
        CredentialId = credentialId;
        Department = department;
        Publish = [.. publish.Select(TopicFilter.Parse)];
        Endpoint = endpoint;
        ConnectedAt = connectedAt;
        _tokens = burst;
    }

    public string ClientId { get; }
    public string? CredentialId { get; }
    public string Department { get; }
    public IReadOnlyList<TopicFilter> Publish { get; }
    public string? Endpoint { get; }
    public DateTimeOffset ConnectedAt { get; }

    public long Received;
    public long Throttled;
    public long Denied;
    public long QueueDrops;

    /// <summary>Set by the once-a-second sampler.</summary>
    public double ReceivedPerSecond { get; set; }
    public double SentPerSecond { get; set; }
    public long LastReceivedSample { get; set; }
    public long LastSentSample { get; set; }

    /// <summary>The publish ACL decision for a topic, cached until the grants change.</summary>
    public bool MayPublish(string topic, GrantSet grants)
    {
        if (!ReferenceEquals(grants, _decidedWith) || _publishDecisions.Count > 1024)
        {
            _publishDecisions.Clear();
            _decidedWith = grants;
        }

        if (!_publishDecisions.TryGetValue(topic, out var allowed))
        {
            allowed = (Publish.Count == 0 || Publish.Any(f => f.Matches(topic))) && grants.CheckStream(Department, topic) is null;
            _publishDecisions[topic] = allowed;
        }

        return allowed;
    }

    /// <summary>
    /// Takes one token. Returns how long the client must wait (zero when a token was there), or null when it has kept
    /// its bucket below half full, throttled, for longer than <paramref name="disconnectAfter"/>.
    /// </summary>
    public TimeSpan? Take(long now, long frequency, int rate, int burst, TimeSpan disconnectAfter)
    {
        if (_refilledAt != 0)
        {
            _tokens = Math.Min(burst, _tokens + ((now - _refilledAt) / (double)frequency * rate));
        }

        _refilledAt = now;
        if (_tokens >= burst / 2.0)
        {
            // The bucket refilled to half: the client slowed down, it is no longer flooding.
            _throttledSince = 0;
        }

        if (_tokens >= 1)
        {
            _tokens -= 1;
            return TimeSpan.Zero;
        }

        if (_throttledSince == 0)
        {
            _throttledSince = now;
        }
        else if (now - _throttledSince > disconnectAfter.TotalSeconds * frequency)
        {
            return null;
        }

        var wait = TimeSpan.FromSeconds((1 - _tokens) / rate);
        _tokens -= 1;
        return wait;
    }
}
