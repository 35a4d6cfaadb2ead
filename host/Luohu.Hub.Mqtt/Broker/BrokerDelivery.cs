using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>A client's QoS 1 publish waiting for its processing: MQTTnet sends the PUBACK when the interceptor returns.</summary>
internal sealed class BrokerDelivery : MessageDelivery
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    protected override void OnSettled() => _done.TrySetResult();
}
