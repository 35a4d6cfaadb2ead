using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Tests.Security;

public sealed class StreamGrantCheckTests
{
    private static readonly GrantSet District = new(DistrictSeed.Grants(DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("district/parking/{{payload.lot}}/status", "district/parking/+/status")]
    [InlineData("district/parking/total", "district/parking/total")]
    [InlineData("alerts/lot-{{payload.lot}}", "alerts/+")]
    public void APublishTopicTemplate_IsCheckedAsAFilter(string template, string filter) =>
        Assert.Equal(filter, FlowGrantCheck.AsFilter(template));

    [Fact]
    public void AnyOfTheCallersDepartments_MayCoverAStream() =>
        Assert.Null(District.CheckStream(["water", "police"], "cameras/hospitals/+/motion"));

    [Fact]
    public void NoDepartment_CoversNoStream() =>
        Assert.Contains("belongs to no department", District.CheckStream([], "sensors/water/#"), StringComparison.Ordinal);

    [Fact]
    public void ANarrowerGrant_DoesNotCoverAWiderFilter() =>
        Assert.NotNull(District.CheckStream(["education"], "cameras/#"));
}
