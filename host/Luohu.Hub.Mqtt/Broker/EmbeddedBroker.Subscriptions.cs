using System.Collections.Concurrent;
using Luohu.Hub.Runtime.Bus;
using MQTTnet;
using MQTTnet.Server;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>
/// Which topics some client wants (so a bus message nobody subscribed to is not handed to MQTTnet at all), the queue
/// of sessions restored from the files, and the retained messages' persistence.
/// </summary>
internal sealed partial class EmbeddedBroker
{
    private readonly ConcurrentDictionary<(string Client, string Filter), TopicFilter> _subscribed = new();
    private volatile TopicFilter[] _activeFilters = [];

    /// <summary>Sessions restored from the files whose client has not come back yet: MQTTnet does not know them, so their queue is ours.</summary>
    private void QueueForRestoredSessions(MqttApplicationMessage message)
    {
        if (_persistence is null)
        {
            return;
        }

        foreach (var (clientId, stored) in _persistence.Sessions)
        {
            if (stored.Restored && stored.Subscriptions.Keys.Any(f => TopicFilter.TryParse(f, out var parsed, out _) && parsed.Matches(message.Topic)))
            {
                _persistence.QueuedWhileOffline(clientId, message);
            }
        }
    }

    private void UpdateSubscribed(string clientId, string filter, bool add)
    {
        if (add && TopicFilter.TryParse(filter, out var parsed, out _))
        {
            _subscribed[(clientId, filter)] = parsed;
        }
        else
        {
            _subscribed.TryRemove((clientId, filter), out _);
        }

        RebuildActiveFilters();
    }

    private void RemoveSubscribed(string clientId)
    {
        foreach (var key in _subscribed.Keys.Where(k => k.Client == clientId).ToList())
        {
            _subscribed.TryRemove(key, out _);
        }

        RebuildActiveFilters();
    }

    private void RebuildActiveFilters()
    {
        var restored = _persistence?.Sessions.Values.Where(s => s.Restored).SelectMany(s => s.Subscriptions.Keys) ?? [];
        var all = _subscribed.Values.Select(f => f.Filter).Concat(restored).Distinct(StringComparer.Ordinal);
        _activeFilters = [.. all.Select(f => TopicFilter.TryParse(f, out var parsed, out _) ? parsed : null).OfType<TopicFilter>()];
    }

    private Task OnLoadingRetainedAsync(LoadingRetainedMessagesEventArgs e)
    {
        if (_persistence is not null)
        {
            e.LoadedRetainedMessages = _persistence.RetainedMessages();
        }

        return Task.CompletedTask;
    }

    private Task OnRetainedChangedAsync(RetainedMessageChangedEventArgs e)
    {
        _persistence?.SetRetained(e.StoredRetainedMessages);
        return Task.CompletedTask;
    }

    private Task OnRetainedClearedAsync(EventArgs e)
    {
        _persistence?.SetRetained([]);
        return Task.CompletedTask;
    }
}
