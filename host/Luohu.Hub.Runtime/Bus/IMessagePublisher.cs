namespace Luohu.Hub.Runtime.Bus;

/// <summary>Puts messages on the bus. Waits (back-pressure) or sheds by the subscription's policy when full.</summary>
internal interface IMessagePublisher
{
    ValueTask PublishAsync(HubMessage message, CancellationToken cancellationToken);
}
