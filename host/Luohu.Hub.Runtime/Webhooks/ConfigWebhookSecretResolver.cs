namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>The secret as written in the node's config.</summary>
internal sealed class ConfigWebhookSecretResolver : IWebhookSecretResolver
{
    public string? Resolve(WebhookRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Settings.Secret;
    }
}
