namespace Luohu.Hub.Runtime.Bus;

/// <summary>
/// The in-process bus. Each subscription has its own bounded queue and consumer loop, so a slow
/// subscriber slows only the publishers of its topics (policy <see cref="OverflowPolicy.Wait"/>) or sheds
/// by its declared policy; memory per subscription is bounded by its capacity plus its in-flight handlers.
/// </summary>
/// <remarks>
/// <para><b>Ordering.</b> Messages that one publisher publishes one after another (each
/// <see cref="IMessagePublisher.PublishAsync"/> awaited before the next) are handled by each subscription
/// with <see cref="SubscriptionOptions.MaxConcurrency"/> 1 in publish order, whatever the overflow policy
/// (drop policies leave gaps but never reorder). Nothing is promised between different publishers, between
/// different subscriptions, or for overlapping un-awaited publishes, nor when MaxConcurrency is above 1.</para>
/// <para><b>Publishing.</b> The topic is validated (no wildcards) and the message is offered to every matching
/// subscription in turn. With <see cref="OverflowPolicy.Wait"/> the publish completes once every queue
/// accepted it; cancelling the publish may leave it delivered to some subscriptions and not others. With
/// <see cref="OverflowPolicy.Reject"/> the other subscriptions still get it and then the publish throws
/// <see cref="BusOverflowException"/>. A subscription that is being disposed is silently skipped.</para>
/// <para><b>Handlers.</b> An exception from a handler is counted and logged and the loop goes on.</para>
/// </remarks>
internal interface IMessageBus : IMessagePublisher
{
    /// <summary>Subscribes to an MQTT filter (<c>+</c>, <c>#</c>); throws <see cref="ArgumentException"/> for an invalid filter or options.</summary>
    IMessageSubscription Subscribe(string topicFilter, Func<HubMessage, CancellationToken, ValueTask> handler, SubscriptionOptions? options = null);

    BusStatistics GetStatistics();

    IReadOnlyList<SubscriptionStatistics> ListSubscriptions();
}
