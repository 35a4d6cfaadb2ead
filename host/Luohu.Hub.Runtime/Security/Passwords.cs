using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// Password hashes by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (its version-3 format: PBKDF2 with a
/// per-hash salt and iteration count). Hashes the hub wrote before, <c>pbkdf2-sha256.v1${iterations}${salt}${hash}</c>,
/// still verify, and are reported as needing a new hash so the next sign-in rewrites them in the current format.
/// </summary>
internal static class Passwords
{
    /// <summary>Longest password accepted: hashing is slow by design, and a megabyte of password must not make it slower.</summary>
    public const int MaxLength = 1024;

    private const string LegacyFormat = "pbkdf2-sha256.v1";
    private static readonly PasswordHasher<HubUser> Hasher = new();

    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Hasher.HashPassword(null!, password);
    }

    /// <summary>Constant-time check; <see cref="PasswordVerificationResult.Failed"/> for any malformed or unknown hash.</summary>
    public static PasswordVerificationResult Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrEmpty(stored))
        {
            return PasswordVerificationResult.Failed;
        }

        if (stored.StartsWith(LegacyFormat + "$", StringComparison.Ordinal))
        {
            return VerifyLegacy(password, stored) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed;
        }

        try
        {
            return Hasher.VerifyHashedPassword(null!, stored, password);
        }
        catch (FormatException)
        {
            return PasswordVerificationResult.Failed;
        }
    }

    private static bool VerifyLegacy(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
