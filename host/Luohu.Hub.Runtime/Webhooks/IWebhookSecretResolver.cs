namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>
/// The one place a route's shared secret is read. Today the secret is plain in the node's config; encrypted
/// storage replaces this service without touching routes or signature checks.
/// </summary>
internal interface IWebhookSecretResolver
{
    /// <summary>The secret of <paramref name="route"/>, or null when none is set (every request is then refused).</summary>
    string? Resolve(WebhookRoute route);
}
