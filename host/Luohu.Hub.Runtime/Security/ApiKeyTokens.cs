using System.Security.Cryptography;
using System.Text;

namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// API keys look like <c>lh_{prefix}_{secret}</c>: the prefix (10 lower-case hex) finds the stored row, the secret
/// (64 hex, 256 bits) is checked against its SHA-256. A plain hash suffices because the secret is random, not chosen
/// by a person: there is nothing to guess that a slow hash would protect.
/// </summary>
internal static class ApiKeyTokens
{
    private const string Scheme = "lh_";

    public static (string Prefix, string Secret, string Token) Create()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (prefix, secret, $"{Scheme}{prefix}_{secret}");
    }

    public static bool TryParse(string? token, out string prefix, out string secret)
    {
        prefix = secret = string.Empty;
        if (token is null || !token.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var underscore = token.IndexOf('_', Scheme.Length);
        if (underscore <= Scheme.Length || underscore == token.Length - 1)
        {
            return false;
        }

        prefix = token[Scheme.Length..underscore];
        secret = token[(underscore + 1)..];
        return true;
    }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(storedHash));
}
