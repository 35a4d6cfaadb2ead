using System.Security.Cryptography;
using System.Text;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Identity;

namespace Luohu.Hub.Runtime.Tests.Security;

public sealed class CredentialTests
{
    [Fact]
    public void PasswordHash_VerifiesTheRightPassword() =>
        Assert.Equal(PasswordVerificationResult.Success, Passwords.Verify("correct horse battery", Passwords.Hash("correct horse battery")));

    [Fact]
    public void PasswordHash_RejectsAWrongPassword() =>
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify("wrong", Passwords.Hash("correct horse battery")));

    [Fact]
    public void PasswordHash_IsIdentitysVersion3FormatAndSalted()
    {
        var hash = Passwords.Hash("same");
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
        Assert.NotEqual(hash, Passwords.Hash("same"));
    }

    [Fact]
    public void AHashTheHubWroteBefore_StillVerifies_AndAsksToBeRewritten()
    {
        // The earlier format: pbkdf2-sha256.v1${iterations}${salt}${hash}, PBKDF2-HMAC-SHA256.
        var salt = RandomNumberGenerator.GetBytes(16);
        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("old secret"), salt, 1_000, HashAlgorithmName.SHA256, 32);
        var stored = $"pbkdf2-sha256.v1$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(derived)}";

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Passwords.Verify("old secret", stored));
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify("not it", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("md5$1$abc$def")]
    [InlineData("pbkdf2-sha256.v1$x$abc$def")]
    [InlineData("pbkdf2-sha256.v1$10$not base64!$def")]
    [InlineData("AQAAAAEAACcQAAAAE")]
    public void PasswordHash_MalformedStoredHash_IsFailedNotAnError(string stored) =>
        Assert.Equal(PasswordVerificationResult.Failed, Passwords.Verify("anything", stored));

    [Fact]
    public void ApiKey_RoundTripsAndMatchesOnlyItsHash()
    {
        var (prefix, secret, token) = ApiKeyTokens.Create();
        Assert.True(ApiKeyTokens.TryParse(token, out var parsedPrefix, out var parsedSecret));
        Assert.Equal((prefix, secret), (parsedPrefix, parsedSecret));
        Assert.True(ApiKeyTokens.Matches(parsedSecret, ApiKeyTokens.HashSecret(secret)));
        Assert.False(ApiKeyTokens.Matches(parsedSecret + "0", ApiKeyTokens.HashSecret(secret)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("lh_")]
    [InlineData("lh__secret")]
    [InlineData("lh_prefix_")]
    public void ApiKey_MalformedToken_DoesNotParse(string? token) => Assert.False(ApiKeyTokens.TryParse(token, out _, out _));
}
