using System.Security.Cryptography;
using System.Text;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>
/// Shared-secret and HMAC checks in constant time. Secret: header (default <c>X-Hook-Secret</c>) equal to the
/// secret. HMAC: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the lower- or upper-case hex of HMAC-SHA256 of
/// the raw body bytes keyed with the secret's UTF-8 bytes (the format GitHub uses).
/// </summary>
internal static class WebhookAuth
{
    public const string SignaturePrefix = "sha256=";

    /// <summary>Null when the request may pass, else the refusal (401 missing credentials, 403 wrong ones).</summary>
    public static WebhookResponse? Check(WebhookRoute route, WebhookRequest request, string? secret)
    {
        var settings = route.Settings;
        if (settings.Auth == WebhookSettings.PublicAuth)
        {
            return null;
        }

        var header = settings.Auth == WebhookSettings.HmacAuth ? WebhookSettings.SignatureHeader : settings.SecretHeader;
        if (!request.Headers.TryGetValue(header, out var presented) || string.IsNullOrEmpty(presented))
        {
            return WebhookResponse.Problem(401, "Webhook credentials missing",
                $"The webhook /hooks/{route.Department}/{route.Path} needs the header {header}{(settings.Auth == WebhookSettings.HmacAuth ? " (sha256=<hex of HMAC-SHA256 of the body>)" : " with the shared secret")}.");
        }

        var valid = secret is not null && (settings.Auth == WebhookSettings.HmacAuth
            ? SignatureMatches(presented, request.Body.Span, secret)
            : SecretMatches(presented, secret));
        return valid
            ? null
            : WebhookResponse.Problem(403, "Webhook credentials rejected",
                $"The {header} header of this request does not match the webhook /hooks/{route.Department}/{route.Path}.");
    }

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        SignaturePrefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static bool SignatureMatches(string presented, ReadOnlySpan<byte> body, string secret)
    {
        if (!presented.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(presented.AsSpan(SignaturePrefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    // Hashing both sides first makes the comparison constant-time in the secret's length too.
    private static bool SecretMatches(string presented, string secret) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
