using System.Security.Cryptography;
using System.Text;

namespace Luohu.Bank.Simulator.Signing;

/// <summary>
/// <c>X-Signature: v1=hex(HMAC-SHA256(secret, "{timestamp}\n{METHOD}\n{path and query}\n{body}"))</c> with
/// <c>X-Timestamp</c> in unix seconds and <c>X-Partner-Id</c>: the body, the time and the target are all signed, so
/// a captured request can be neither altered nor replayed later or elsewhere.
/// </summary>
internal static class PartnerSignature
{
    public const string PartnerHeader = "X-Partner-Id";
    public const string TimestampHeader = "X-Timestamp";
    public const string SignatureHeader = "X-Signature";
    private const string Scheme = "v1=";

    public static string Compute(string secret, string timestamp, string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}\n{method.ToUpperInvariant()}\n{pathAndQuery}\n");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static bool Matches(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
}
