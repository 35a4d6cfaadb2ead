namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>A <c>trigger.http</c> node's config, read and checked.</summary>
internal sealed record WebhookSettings(string Path, IReadOnlyList<string> Methods, string Auth, string? SecretRef, string SecretHeader, int ResponseTimeoutMs)
{
    /// <summary>Anonymous requests, chosen explicitly (there is no default: a webhook says who may call it).</summary>
    public const string PublicAuth = "public";
    public const string SecretAuth = "secret";
    public const string HmacAuth = "hmac";
    public const string DefaultSecretHeader = "X-Hook-Secret";
    public const string SignatureHeader = "X-Hub-Signature-256";

    public static readonly string[] AuthModes = [HmacAuth, SecretAuth, PublicAuth];
}
