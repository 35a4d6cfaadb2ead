using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>A runtime trigger node that listens on the bus; the running flow owns the subscription.</summary>
internal interface ITriggerRuntime
{
    /// <summary>The MQTT filter to subscribe to.</summary>
    string TopicFilter { get; }

    SubscriptionOptions SubscriptionOptions { get; }

    /// <summary>A second test on a matching message (a plugin trigger checks the message's source).</summary>
    bool Accepts(HubMessage message);
}
