using System.Text;
using Luohu.Hub.Runtime.Bus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Tests.Bus;

internal static class TestBus
{
    public static MessageBus Create(TimeSpan? drainTimeout = null) =>
        new(Options.Create(new BusOptions { DrainTimeout = drainTimeout ?? TimeSpan.FromSeconds(10) }), TimeProvider.System, NullLogger<MessageBus>.Instance);

    public static HubMessage Message(string topic, string json = "{}", string source = "test") =>
        HubMessages.Create(topic, Encoding.UTF8.GetBytes(json), source, TimeProvider.System);

    public static HubMessage Numbered(string topic, int publisher, int sequence) =>
        Message(topic, source: $"p{publisher}") with { Headers = new Dictionary<string, string> { ["seq"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
}
