namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>An HTTP request to <c>/hooks/{Department}/{Path}</c>, as the host read it (raw body kept for signatures).</summary>
internal sealed record WebhookRequest(
    string Department,
    string Path,
    string Method,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body,
    string? ContentType,
    string? RemoteIp);
