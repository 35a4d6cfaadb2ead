using Luohu.Hub.Runtime.Security;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>Sign-in with device credentials, the subscribe ACL, and the session bookkeeping that outlives a restart.</summary>
internal sealed partial class EmbeddedBroker
{
    private const string ReservedClientPrefix = "luohu-hub";

    private async Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        var clientId = e.ClientId;
        if (string.IsNullOrEmpty(clientId) && e.ProtocolVersion == MQTTnet.Formatter.MqttProtocolVersion.V500)
        {
            // MQTT 5: a client without an id gets one from the server.
            clientId = e.AssignedClientIdentifier = "auto-" + Guid.NewGuid().ToString("N")[..12];
        }

        if (string.IsNullOrEmpty(clientId) || clientId.StartsWith(ReservedClientPrefix, StringComparison.Ordinal))
        {
            Refuse(e, MqttConnectReasonCode.ClientIdentifierNotValid, $"client id '{clientId}' is empty or reserved for the hub");
            return;
        }

        var now = _time.GetUtcNow();
        if (string.IsNullOrEmpty(e.UserName))
        {
            if (!_options.AllowAnonymous)
            {
                Refuse(e, MqttConnectReasonCode.NotAuthorized, "anonymous access is off (Hub:Mqtt:Broker:AllowAnonymous); sign in with a device credential");
                return;
            }

            e.SessionItems[DeviceSession.Key] = new DeviceSession(clientId, null, _options.AnonymousDepartment!, [], e.RemoteEndPoint?.ToString(), now, _options.FloodBurst);
            return;
        }

        var id = DeviceCredentialTokens.IdOf(e.UserName);
        var credential = id is null ? null : await _credentials.FindAsync(id, e.CancellationToken);
        if (credential is null || credential.RevokedAt is not null || !ApiKeyTokens.Matches(e.Password, credential.SecretHash))
        {
            Refuse(e, MqttConnectReasonCode.BadUserNameOrPassword, $"user '{e.UserName}': unknown or revoked device credential, or wrong password");
            return;
        }

        e.SessionItems[DeviceSession.Key] = new DeviceSession(clientId, credential.Id, credential.Department, credential.Publish, e.RemoteEndPoint?.ToString(), now, _options.FloodBurst);
        if (_persistence is not null)
        {
            if (e.CleanSession == false)
            {
                _persistence.Sessions.TryAdd(clientId, new StoredSession());
            }
            else
            {
                _persistence.Forget(clientId);
            }
        }
    }

    private void Refuse(ValidatingConnectionEventArgs e, MqttConnectReasonCode code, string reason)
    {
        e.ReasonCode = code;
        e.ReasonString = reason;
        Interlocked.Increment(ref _counters.RefusedConnections);
        MqttBrokerLog.ConnectionRefused(_logger, e.ClientId, e.RemoteEndPoint?.ToString(), reason);
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var filter = e.TopicFilter.Topic;
        var session = e.Session.Items[DeviceSession.Key] as DeviceSession;
        string? denial = null;
        if (session is null)
        {
            denial = "not signed in";
        }
        else if (filter.StartsWith("$share/", StringComparison.Ordinal))
        {
            denial = "the embedded broker has no shared subscriptions; several hub nodes share an external broker (Hub:Mqtt:Url)";
        }
        else if (!Runtime.Bus.TopicFilter.TryParse(filter, out _, out var error))
        {
            denial = error;
        }
        else
        {
            denial = _grants.Current.CheckStream(session.Department, filter);
        }

        if (denial is not null)
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            e.Response.ReasonString = denial;
            Interlocked.Increment(ref _counters.Denied);
            if (session is not null)
            {
                Interlocked.Increment(ref session.Denied);
            }

            MqttBrokerLog.SubscribeDenied(_logger, e.ClientId, filter, denial);
        }

        return Task.CompletedTask;
    }

    private async Task OnClientConnectedAsync(ClientConnectedEventArgs e)
    {
        if (_persistence is null || !_persistence.Sessions.TryGetValue(e.ClientId, out var stored))
        {
            return;
        }

        if (!stored.Restored)
        {
            // The live MQTTnet session holds its own subscriptions and queue.
            _persistence.SetOnline(e.ClientId, online: true);
            return;
        }

        // After a restart MQTTnet starts the session empty: put back its subscriptions and what was queued for it.
        List<StoredMessage> pending;
        lock (stored)
        {
            pending = [.. stored.Pending];
        }

        var filters = stored.Subscriptions.Select(s => new MQTTnet.MqttTopicFilterBuilder().WithTopic(s.Key).WithQualityOfServiceLevel((MqttQualityOfServiceLevel)s.Value).Build()).ToList();
        _persistence.SetOnline(e.ClientId, online: true);
        RebuildActiveFilters();
        try
        {
            if (filters.Count > 0)
            {
                await _server.SubscribeAsync(e.ClientId, filters);
            }

            if (pending.Count > 0 && await _server.GetSessionAsync(e.ClientId) is { } session)
            {
                foreach (var message in pending)
                {
                    if (!session.TryEnqueueApplicationMessage(message.ToMessage(), out _))
                    {
                        CountQueueDrop(e.ClientId);
                    }
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The client went away again at once; its stored session stays.
        }
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        _persistence?.SetOnline(e.ClientId, online: false);
        return Task.CompletedTask;
    }

    private Task OnSubscribedAsync(ClientSubscribedTopicEventArgs e)
    {
        if (_persistence is not null && _persistence.Sessions.ContainsKey(e.ClientId))
        {
            _persistence.Subscribed(e.ClientId, e.TopicFilter.Topic, (int)e.TopicFilter.QualityOfServiceLevel);
        }

        UpdateSubscribed(e.ClientId, e.TopicFilter.Topic, add: true);
        return Task.CompletedTask;
    }

    private Task OnUnsubscribedAsync(ClientUnsubscribedTopicEventArgs e)
    {
        _persistence?.Unsubscribed(e.ClientId, e.TopicFilter);
        UpdateSubscribed(e.ClientId, e.TopicFilter, add: false);
        return Task.CompletedTask;
    }

    private Task OnSessionDeletedAsync(SessionDeletedEventArgs e)
    {
        _persistence?.Forget(e.Id);
        RemoveSubscribed(e.Id);
        return Task.CompletedTask;
    }
}
