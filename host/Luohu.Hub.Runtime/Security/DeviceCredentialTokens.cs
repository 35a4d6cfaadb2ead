using System.Security.Cryptography;

namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// Device credentials: user name <c>lhd_{id}</c> (10 hex), password 64 hex (256 random bits) checked against its SHA-256,
/// as for API keys (<see cref="ApiKeyTokens"/>): a random secret needs no slow hash.
/// </summary>
internal static class DeviceCredentialTokens
{
    private const string Scheme = "lhd_";

    public static (string Id, string Secret) Create() =>
        (Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    public static string UserNameOf(string id) => Scheme + id;

    /// <summary>The credential id a user name names, or null when it is not a device user name.</summary>
    public static string? IdOf(string? userName) =>
        userName is { Length: 14 } && userName.StartsWith(Scheme, StringComparison.Ordinal) ? userName[Scheme.Length..] : null;
}
