using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Tests.Plugins;

public sealed class SdkVersionRangeTests
{
    [Theory]
    [InlineData("[1.0,2.0)", "1.0.0", true)]
    [InlineData("[1.0,2.0)", "2.0.0", false)]
    [InlineData("(1.0,)", "1.0.0", false)]
    [InlineData("(1.0,)", "1.0.1", true)]
    [InlineData("[1.0]", "1.0.0", true)]
    [InlineData("[1.0]", "1.1.0", false)]
    [InlineData("1.0", "3.5.0", true)]
    [InlineData("1.1", "1.0.0", false)]
    [InlineData("(,1.0]", "1.0.0", true)]
    public void Includes_ReadsNuGetIntervalNotation(string range, string version, bool expected)
    {
        Assert.True(SdkVersionRange.TryParse(range, out var parsed));
        Assert.Equal(expected, parsed!.Includes(new Version(version)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1.0")]
    [InlineData("(1.0)")]
    [InlineData("[2.0,1.0]")]
    [InlineData("one")]
    public void TryParse_Nonsense_IsRejected(string range) => Assert.False(SdkVersionRange.TryParse(range, out _));
}
