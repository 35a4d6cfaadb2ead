namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>A <c>trigger.http</c> node's config, read and checked.</summary>
internal sealed record WebhookSettings(string Path, IReadOnlyList<string> Methods, string Auth, string? Secret, string SecretHeader, int ResponseTimeoutMs)
{
    public const string NoAuth = "none";
    public const string SecretAuth = "secret";
    public const string HmacAuth = "hmac";
    public const string DefaultSecretHeader = "X-Hook-Secret";
    public const string SignatureHeader = "X-Hub-Signature-256";

    public static readonly string[] AuthModes = [NoAuth, SecretAuth, HmacAuth];
}
