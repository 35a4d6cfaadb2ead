using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Tests.Security;

public sealed class TopicFilterContainmentTests
{
    [Theory]
    [InlineData("cameras/#", "cameras/school-gates/+/motion")]
    [InlineData("cameras/#", "cameras")]
    [InlineData("cameras/#", "cameras/#")]
    [InlineData("#", "anything/at/all")]
    [InlineData("sensors/+/occupancy", "sensors/LH-0042/occupancy")]
    [InlineData("sensors/+/occupancy", "sensors/+/occupancy")]
    [InlineData("sensors/parking/#", "sensors/parking/+/occupancy")]
    [InlineData("a/b", "a/b")]
    public void Covers_InnerWithinOuter_True(string outer, string inner) =>
        Assert.True(TopicFilterContainment.Covers(outer, inner));

    [Theory]
    [InlineData("cameras/school-gates/#", "cameras/#")]
    [InlineData("cameras/school-gates/#", "cameras/+/motion")]
    [InlineData("sensors/+/occupancy", "sensors/#")]
    [InlineData("sensors/+/occupancy", "sensors/a/b/occupancy")]
    [InlineData("sensors/parking/#", "sensors/water/level")]
    [InlineData("a/b", "a/+")]
    [InlineData("a/b", "a/b/c")]
    [InlineData("a/b/c", "a/b")]
    public void Covers_InnerWiderOrElsewhere_False(string outer, string inner) =>
        Assert.False(TopicFilterContainment.Covers(outer, inner));
}
