using Luohu.Hub.Designer.Accounts;
using Luohu.Hub.Designer.Views;
using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Designer.Tests.Views;

public sealed class FlowRowTests
{
    private static readonly FlowSummary[] Flows = [Flow("parking", "traffic"), Flow("levels", "water"), Flow("signals", "traffic")];

    [Fact]
    public void Visible_ShowsAUserOnlyTheirDepartmentsFlows()
    {
        var rows = FlowRow.Visible(Flows, new DesignerUser("ana", ["water"], ["editor"], IsAdmin: false));

        Assert.Equal(["levels"], rows.Select(r => r.Id));
    }

    [Fact]
    public void Visible_ShowsAnAdminEveryFlow_ByDepartmentThenName()
    {
        var rows = FlowRow.Visible(Flows, new DesignerUser("admin", [], ["admin"], IsAdmin: true));

        Assert.Equal(["parking", "signals", "levels"], rows.Select(r => r.Id));
    }

    [Theory]
    [InlineData("draft", "Draft")]
    [InlineData("deployed", "Deployed")]
    [InlineData("error", "Error")]
    public void From_MapsTheState(string state, string expected) =>
        Assert.Equal(expected, FlowRow.From(Flow("f", "traffic") with { State = state }).State.ToString());

    private static FlowSummary Flow(string id, string department) => new()
    {
        Id = id,
        Name = id,
        Department = department,
        State = "deployed",
        DeployedVersion = 1,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
