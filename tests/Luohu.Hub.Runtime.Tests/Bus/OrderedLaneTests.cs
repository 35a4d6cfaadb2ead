using System.Collections.Concurrent;
using System.Text;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Tests.Bus;

/// <summary>Subscriptions with an order key: equal keys one after another in publish order, different keys side by side.</summary>
public sealed class OrderedLaneTests
{
    [Fact]
    public async Task A_slow_topic_holds_back_only_its_own_later_messages_while_other_topics_are_handled()
    {
        await using var bus = TestBus.Create();
        using var gate = new SemaphoreSlim(0);

        // Lanes are chosen by the key's hash, which differs per process: take a second topic whose lane is not A's.
        const int Lanes = 4;
        int LaneOf(string topic) => (int)((uint)OrderKeys.Topic(TestBus.Message(topic, "1")) % Lanes);
        var other = Enumerable.Range(0, 64).Select(i => $"lots/B{i}").First(t => LaneOf(t) != LaneOf("lots/A"));
        var handled = new ConcurrentQueue<string>();
        await using var subscription = bus.Subscribe("lots/#", async (message, ct) =>
        {
            if (message.Topic == "lots/A" && message.PayloadAsString() == "1")
            {
                await gate.WaitAsync(ct);
            }

            handled.Enqueue($"{message.Topic}:{message.PayloadAsString()}");
        }, new SubscriptionOptions { MaxConcurrency = Lanes, OrderKey = OrderKeys.Topic });

        foreach (var (topic, n) in new[] { ("lots/A", 1), ("lots/A", 2), (other, 1), (other, 2) })
        {
            await bus.PublishAsync(TestBus.Message(topic, n.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        }

        await Poll.UntilAsync(() => handled.Count == 2, "topic B handled while topic A's first message is held");
        Assert.Equal([$"{other}:1", $"{other}:2"], handled);
        gate.Release();
        await Poll.UntilAsync(() => handled.Count == 4, "topic A goes on in order");
        Assert.Equal(["lots/A:1", "lots/A:2"], handled.Where(h => h.StartsWith("lots/A", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_payload_field_key_is_equal_for_equal_values_and_ignores_the_rest_of_the_payload()
    {
        var key = OrderKeys.PayloadField("lot");
        var nested = OrderKeys.PayloadField("device.id");

        Assert.Equal(key(Message("""{"free":3,"lot":"LH-7"}""")), key(Message("""{"lot":"LH-7","free":9,"extra":{"lot":"x"}}""")));
        Assert.NotEqual(key(Message("""{"lot":"LH-7"}""")), key(Message("""{"lot":"LH-8"}""")));
        Assert.Equal(nested(Message("""{"device":{"kind":"s","id":42}}""")), nested(Message("""{"device":{"id":42}}""")));
        Assert.Equal(0, key(Message("not json")));
        Assert.Equal(0, key(Message("""{"other":1}""")));
    }

    private static HubMessage Message(string payload) => HubMessages.Create("t", Encoding.UTF8.GetBytes(payload), "test", TimeProvider.System);
}
