using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Runtime.Tests.Bus;

public sealed class TopicFilterTests
{
    [Theory]
    [InlineData("sensors/parking/+/occupancy", "sensors/parking/LH-0042/occupancy", true)]
    [InlineData("sensors/parking/+/occupancy", "sensors/parking/LH-0042/status", false)]
    [InlineData("sensors/parking/+/occupancy", "sensors/parking/a/b/occupancy", false)]
    [InlineData("sensors/parking/+/occupancy", "sensors/parking//occupancy", true)]
    [InlineData("sensors/#", "sensors", true)]
    [InlineData("sensors/#", "sensors/", true)]
    [InlineData("sensors/#", "sensors/parking/a/b/c", true)]
    [InlineData("sensors/#", "sensorsx/parking", false)]
    [InlineData("#", "anything/at/all", true)]
    [InlineData("#", "/leading/slash", true)]
    [InlineData("+", "single", true)]
    [InlineData("+", "two/levels", false)]
    [InlineData("+", "", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/b", "a/b/", false)]
    [InlineData("a/b", "a", false)]
    [InlineData("a/b", "A/b", false)]
    [InlineData("a/+/#", "a/x", true)]
    [InlineData("a/+/#", "a", false)]
    [InlineData("a//b", "a//b", true)]
    [InlineData("a//b", "a/b", false)]
    [InlineData("#", "$SYS/broker/load", false)]
    [InlineData("+/broker/load", "$SYS/broker/load", false)]
    [InlineData("$SYS/#", "$SYS/broker/load", true)]
    [InlineData("$SYS/+/load", "$SYS/broker/load", true)]
    [InlineData("hub/$ops/#", "hub/$ops/x", true)]
    [InlineData("+/$ops/#", "hub/$ops/x", true)]
    public void Matches_Table(string filter, string topic, bool expected) =>
        Assert.Equal(expected, TopicFilter.Parse(filter).Matches(topic));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a/#/b", "'#' at level 1 must be the last level")]
    [InlineData("a/b#", "level 1 ('b#') mixes a wildcard")]
    [InlineData("a+/b", "level 0 ('a+') mixes a wildcard")]
    [InlineData("a/+b/c", "level 1 ('+b') mixes a wildcard")]
    [InlineData("##", "level 0 ('##') mixes a wildcard")]
    [InlineData("a\0b", "NUL character at level 0")]
    public void Parse_InvalidFilter_SaysWhatAndWhere(string filter, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => TopicFilter.Parse(filter));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FilterLongerThanMqttLimit_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => TopicFilter.Parse(new string('a', TopicFilter.MaxLength + 1)));
        Assert.Contains("longer than 65535 UTF-8 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/+/c", "level 1 contains the wildcard '+'")]
    [InlineData("a/b/#", "level 2 contains the wildcard '#'")]
    [InlineData("", "empty")]
    public void ValidateTopic_Invalid_SaysWhatAndWhere(string topic, string expected) =>
        Assert.Contains(expected, TopicFilter.ValidateTopic(topic), StringComparison.Ordinal);

    [Theory]
    [InlineData("a")]
    [InlineData("/")]
    [InlineData("$SYS/x")]
    [InlineData("sensors/parking/LH-0042/occupancy")]
    public void ValidateTopic_Valid_ReturnsNull(string topic) => Assert.Null(TopicFilter.ValidateTopic(topic));

    [Fact]
    public void FirstLevel_IsLiteralOrNull()
    {
        Assert.Equal("sensors", TopicFilter.Parse("sensors/+").FirstLevel);
        Assert.Null(TopicFilter.Parse("+/x").FirstLevel);
        Assert.True(TopicFilter.Parse("#").FirstLevelIsWildcard);
    }
}
