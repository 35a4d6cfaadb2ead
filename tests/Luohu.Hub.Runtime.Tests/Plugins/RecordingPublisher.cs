using System.Collections.Concurrent;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Tests.Plugins;

/// <summary>Keeps every published message for assertions.</summary>
internal sealed class RecordingPublisher : IMessagePublisher
{
    public ConcurrentQueue<HubMessage> Messages { get; } = new();

    public ValueTask PublishAsync(HubMessage message, CancellationToken cancellationToken)
    {
        Messages.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}
