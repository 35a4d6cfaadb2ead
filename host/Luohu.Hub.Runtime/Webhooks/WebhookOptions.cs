namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>Webhook routes under <c>/hooks/{department}/{path}</c> (<c>Hub:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>Largest request body accepted; a larger one gets 413. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Webhook messages running through flows at once; one more gets 503 with Retry-After. Default 256.</summary>
    public int MaxConcurrentRequests { get; set; } = 256;
}
