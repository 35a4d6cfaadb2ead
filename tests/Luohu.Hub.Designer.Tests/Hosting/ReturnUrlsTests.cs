using Luohu.Hub.Designer.Hosting;

namespace Luohu.Hub.Designer.Tests.Hosting;

public sealed class ReturnUrlsTests
{
    [Theory]
    [InlineData("/plugins", "/plugins")]
    [InlineData("/flows?department=traffic", "/flows?department=traffic")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("plugins", "/")]
    [InlineData("/plugins\r\nSet-Cookie: x", "/")]
    public void Local_KeepsOnlyPathsOfThisSite(string? returnUrl, string expected) => Assert.Equal(expected, ReturnUrls.Local(returnUrl));
}
