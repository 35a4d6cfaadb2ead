using Luohu.Hub.Plugins.Parking.Connectors;
using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Plugins.Tests.Parking;

public sealed class ParkingActionsTests
{
    private static readonly ActionContext Context = new() { Capability = "test", CorrelationId = "c-1" };

    [Fact]
    public async Task GetLot_KnownId_ReturnsItsCurrentState()
    {
        var (simulation, time) = ParkingFixture.Create(District.Tuesday(9));
        time.Advance(TimeSpan.FromSeconds(30));
        var state = await new GetLotAction(simulation, time).InvokeAsync(new GetLotRequest("LH-0042"), Context, CancellationToken.None);

        Assert.Equal("LH-0042", state.Lot);
        Assert.Equal(simulation.Lots[41].Capacity, state.Total);
        Assert.Equal(District.Tuesday(9).AddSeconds(30), state.Timestamp);
        Assert.Equal(simulation.GetState(41), state);
    }

    [Theory]
    [InlineData("LH-0621")]
    [InlineData("LH-0000")]
    [InlineData("P-42")]
    [InlineData("")]
    public async Task GetLot_UnknownId_NamesTheFieldAndTheValidRange(string lotId)
    {
        var (simulation, time) = ParkingFixture.Create(District.Tuesday(9));
        var error = await Assert.ThrowsAsync<CapabilityInputException>(
            async () => await new GetLotAction(simulation, time).InvokeAsync(new GetLotRequest(lotId), Context, CancellationToken.None));
        Assert.Equal("lotId", error.Field);
        Assert.Equal($"Unknown car park '{lotId}'. Ids run from LH-0001 to LH-0620.", error.Message);
    }

    [Fact]
    public async Task ListLots_NoFilter_ListsAllWithTheDistrictTotals()
    {
        var (simulation, time) = ParkingFixture.Create(District.Tuesday(9));
        var list = await new ListLotsAction(simulation, time).InvokeAsync(new ListLotsRequest(), Context, CancellationToken.None);
        Assert.Equal(620, list.Lots.Count);
        Assert.Equal(92_467, list.TotalSpaces);
        Assert.Equal(list.Lots.Sum(l => l.Free), list.FreeSpaces);
    }

    [Theory]
    [InlineData("Dongmen")]
    [InlineData("dongmen")]
    [InlineData("东门")]
    public async Task ListLots_Area_ListsOnlyThatSubdistrict(string area)
    {
        var (simulation, time) = ParkingFixture.Create(District.Tuesday(9));
        var list = await new ListLotsAction(simulation, time).InvokeAsync(new ListLotsRequest(area), Context, CancellationToken.None);
        Assert.Equal(62, list.Lots.Count);
        Assert.All(list.Lots, l => Assert.Equal("Dongmen", l.Area));
        Assert.Equal(list.Lots.Sum(l => l.Total), list.TotalSpaces);
    }

    [Fact]
    public async Task ListLots_Status_ListsOnlyLotsWithThatStatus()
    {
        var (simulation, time) = ParkingFixture.Create(District.Saturday(20));
        var list = await new ListLotsAction(simulation, time).InvokeAsync(new ListLotsRequest(null, "full"), Context, CancellationToken.None);
        Assert.NotEmpty(list.Lots);
        Assert.All(list.Lots, l => Assert.Equal(0, l.Free));
        Assert.Equal(0, list.FreeSpaces);
    }

    [Fact]
    public async Task ListLots_UnknownArea_ListsTheAreas()
    {
        var (simulation, time) = ParkingFixture.Create(District.Tuesday(9));
        var error = await Assert.ThrowsAsync<CapabilityInputException>(
            async () => await new ListLotsAction(simulation, time).InvokeAsync(new ListLotsRequest("Futian"), Context, CancellationToken.None));
        Assert.Equal("area", error.Field);
        Assert.Contains("Unknown area 'Futian'. Areas: Dongmen, Guomao,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListLots_UnknownStatus_ListsTheStatuses()
    {
        var (simulation, time) = ParkingFixture.Create(District.Tuesday(9));
        var error = await Assert.ThrowsAsync<CapabilityInputException>(
            async () => await new ListLotsAction(simulation, time).InvokeAsync(new ListLotsRequest(null, "empty"), Context, CancellationToken.None));
        Assert.Equal("status", error.Field);
        Assert.Equal("Unknown status 'empty'. Use one of: full, nearly-full, available, or leave it empty.", error.Message);
    }
}
