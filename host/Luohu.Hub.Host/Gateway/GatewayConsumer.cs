using System.Security.Cryptography;
using System.Text;

namespace Luohu.Hub.Host.Gateway;

/// <summary>Who is calling: the one decision every per-consumer limit and cache partition uses.</summary>
internal static class GatewayConsumer
{
    /// <summary>Set by the authentication handlers: <c>key:{keyId}</c> or <c>user:{name}</c>.</summary>
    public const string ClaimType = "luohu:consumer";

    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>
    /// The <c>luohu:consumer</c> claim when the caller is authenticated; else the <c>X-Api-Key</c> header hashed
    /// (<c>apikey:{hash}</c>, so a key never lands in memory dumps or logs); else the remote address (<c>ip:…</c>).
    /// </summary>
    public static string Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claim = context.User.FindFirst(ClaimType)?.Value;
        if (!string.IsNullOrEmpty(claim))
        {
            return claim;
        }

        var key = context.Request.Headers[ApiKeyHeader].ToString();
        if (key.Length > 0)
        {
            return "apikey:" + Hash(key);
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    public static string Hash(string apiKey)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(apiKey), digest);
        return Convert.ToHexStringLower(digest[..16]);
    }
}
