using System.Text.Json;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Tests.Security;

public sealed class GrantSetTests
{
    private static readonly GrantSet District = new(DistrictSeed.Grants(DateTimeOffset.UnixEpoch));

    [Fact]
    public void Health_MayAssessCredit() => Assert.Null(District.CheckCapability(["health"], "credit.assess", null));

    [Fact]
    public void Water_MayNotAssessCredit_AndIsToldWhatIsMissing()
    {
        var reason = District.CheckCapability(["water"], "credit.assess", null);
        Assert.NotNull(reason);
        Assert.Contains("No capability grant covers 'credit.assess'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Police_SeeEveryCameraGroup() => Assert.Null(District.CheckCapability(["police"], "camera.snapshot", "districts-east"));

    [Fact]
    public void VisibleDeviceGroups_AreAllForThePolice_TheSchoolGatesForEducation_AndNoneWithoutAGrant()
    {
        Assert.Null(District.VisibleDeviceGroups(["police"], "camera.list"));
        Assert.Equal(["school-gates"], District.VisibleDeviceGroups(["education"], "camera.list"));
        Assert.Null(District.VisibleDeviceGroups(["education", "police"], "camera.list"));
        Assert.Empty(District.VisibleDeviceGroups(["water"], "camera.list")!);
    }

    [Fact]
    public void Education_SeesSchoolGateCameras() => Assert.Null(District.CheckCapability(["education"], "camera.snapshot", "school-gates"));

    [Fact]
    public void Education_DoesNotSeeOtherCameraGroups()
    {
        var reason = District.CheckCapability(["education"], "camera.snapshot", "districts-east");
        Assert.Contains("only for device groups school-gates", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Education_MustNameTheDeviceGroup() =>
        Assert.Contains("name one in the input", District.CheckCapability(["education"], "camera.snapshot", null), StringComparison.Ordinal);

    [Fact]
    public void Education_FlowValidation_IgnoresDeviceGroups() =>
        Assert.Null(District.CheckCapability(["education"], "camera.snapshot", null, anyDeviceGroup: true));

    [Fact]
    public void NoDepartment_IsDenied() => Assert.NotNull(District.CheckCapability([], "parking.get-lot", null));

    [Fact]
    public void AnyOfSeveralDepartments_Suffices() => Assert.Null(District.CheckCapability(["water", "health"], "credit.assess", null));

    [Fact]
    public void EducationStream_CoversOnlySchoolGates()
    {
        Assert.Null(District.CheckStream("education", "cameras/school-gates/+/motion"));
        Assert.NotNull(District.CheckStream("education", "cameras/#"));
    }

    [Theory]
    [InlineData("""{ "deviceGroup": "school-gates" }""", "school-gates")]
    [InlineData("""{ "cameraGroup": "metro" }""", "metro")]
    [InlineData("""{ "cameraId": "CAM-1" }""", null)]
    [InlineData("""[1]""", null)]
    public void DeviceGroupOf_ReadsTheNamedField(string json, string? expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, GrantSet.DeviceGroupOf(document.RootElement));
    }

    [Theory]
    [InlineData("credit.*", "credit.assess", true)]
    [InlineData("credit.*", "creditx.assess", false)]
    [InlineData("*", "anything.else", true)]
    [InlineData("parking.get-lot", "parking.get-lot", true)]
    [InlineData("parking.get-lot", "parking.list-lots", false)]
    public void CapabilityPattern_Matches(string pattern, string capability, bool expected) =>
        Assert.Equal(expected, CapabilityPattern.Matches(pattern, capability));
}
