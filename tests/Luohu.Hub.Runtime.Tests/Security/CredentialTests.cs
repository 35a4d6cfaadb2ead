using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Tests.Security;

public sealed class CredentialTests
{
    [Fact]
    public void PasswordHash_VerifiesTheRightPassword()
    {
        var hash = PasswordHasher.Hash("correct horse battery", 1_000);
        Assert.True(PasswordHasher.Verify("correct horse battery", hash));
    }

    [Fact]
    public void PasswordHash_RejectsAWrongPassword() =>
        Assert.False(PasswordHasher.Verify("wrong", PasswordHasher.Hash("correct horse battery", 1_000)));

    [Fact]
    public void PasswordHash_IsVersionedSaltedAndUsesTheConfiguredIterations()
    {
        var hash = PasswordHasher.Hash("same");
        Assert.StartsWith("pbkdf2-sha256.v1$210000$", hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, PasswordHasher.Hash("same"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("md5$1$abc$def")]
    [InlineData("pbkdf2-sha256.v1$x$abc$def")]
    [InlineData("pbkdf2-sha256.v1$10$not base64!$def")]
    public void PasswordHash_MalformedStoredHash_IsFalseNotAnError(string stored) =>
        Assert.False(PasswordHasher.Verify("anything", stored));

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
