using System.Collections.Concurrent;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>Requests waiting for an <c>http.response</c> node, by the id of the message they started (its origin id).</summary>
internal sealed class WebhookReplies
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WebhookResponse>> _waiting = new(StringComparer.Ordinal);

    public Task<WebhookResponse> Register(string originId)
    {
        var pending = new TaskCompletionSource<WebhookResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[originId] = pending;
        return pending.Task;
    }

    public void Forget(string originId) => _waiting.TryRemove(originId, out _);

    /// <summary>Answers the waiting request; false when none waits (no webhook origin, already answered, timed out).</summary>
    public bool TryAnswer(string originId, WebhookResponse response) =>
        _waiting.TryRemove(originId, out var pending) && pending.TrySetResult(response);
}
