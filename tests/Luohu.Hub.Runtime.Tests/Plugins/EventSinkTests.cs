using System.Text;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Tests.Plugins;

public sealed class EventSinkTests
{
    private readonly RecordingPublisher publisher = new();
    private readonly ConnectorStats stats = new("test.plugin", "src", ConnectorKind.EventSource, TimeProvider.System);

    [Theory]
    [InlineData("", "{}")]
    [InlineData("a/+/c", "{}")]
    [InlineData("a/#", "{}")]
    [InlineData("a//c", "{}")]
    [InlineData("/a", "{}")]
    [InlineData("a/b", "{not json")]
    [InlineData("a/b", "")]
    public async Task EmitAsync_InvalidEvent_IsRejectedAndCounted(string topic, string payload)
    {
        var sink = new PluginEventSink("p", "src", stats, publisher, TimeProvider.System, 1024);

        await Assert.ThrowsAsync<ArgumentException>(() => sink.EmitAsync(topic, Encoding.UTF8.GetBytes(payload), CancellationToken.None).AsTask());

        Assert.Empty(publisher.Messages);
        Assert.Equal(1, stats.Snapshot().Rejected);
    }

    [Fact]
    public async Task EmitAsync_PayloadOverTheLimit_IsRejected()
    {
        var sink = new PluginEventSink("p", "src", stats, publisher, TimeProvider.System, 8);

        await Assert.ThrowsAsync<ArgumentException>(() => sink.EmitAsync("a/b", Encoding.UTF8.GetBytes("\"0123456789\""), CancellationToken.None).AsTask());

        Assert.Empty(publisher.Messages);
    }

    [Fact]
    public async Task EmitAsync_ValidEvent_IsPublishedWithSourceAndId()
    {
        var sink = new PluginEventSink("p", "src", stats, publisher, TimeProvider.System, 1024);

        await sink.EmitAsync("sensors/parking/LH-0042/occupancy", Encoding.UTF8.GetBytes("{\"free\":3}"), CancellationToken.None);

        var message = Assert.Single(publisher.Messages);
        Assert.Equal("plugin:p/src", message.Source);
        Assert.Equal(32, message.Id.Length);
        Assert.Equal("{\"free\":3}", Encoding.UTF8.GetString(message.Payload.Span));
    }
}
