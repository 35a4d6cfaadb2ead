using Luohu.Hub.Plugins.Parking;
using Luohu.Hub.Plugins.Tests.Fakes;

namespace Luohu.Hub.Plugins.Tests.Parking;

public sealed class ParkingSimulationTests
{
    [Fact]
    public void FreeSpaces_StayWithinCapacityOverASimulatedWeek()
    {
        var (simulation, _) = ParkingFixture.Create(District.At(16, 0));
        var capacity = simulation.Lots.Select(l => l.Capacity).ToArray();
        var sawFull = false;
        for (var minute = 1; minute <= 7 * 24 * 60; minute++)
        {
            foreach (var index in simulation.Advance(District.At(16, 0).AddMinutes(minute)))
            {
                var free = simulation.GetState(index).Free;
                Assert.InRange(free, 0, capacity[index]);
                sawFull |= free == 0;
            }
        }

        Assert.All(simulation.Snapshot(), s => Assert.InRange(s.Free, 0, s.Total));
        Assert.True(sawFull, "no car park was ever full in a week; peaks should fill the popular ones");
    }

    [Fact]
    public void Advance_SameSeedAndTicks_GivesTheSameState()
    {
        var (first, _) = ParkingFixture.Create(District.Tuesday(7));
        var (second, _) = ParkingFixture.Create(District.Tuesday(7));
        for (var tick = 1; tick <= 300; tick++)
        {
            first.Advance(District.Tuesday(7).AddSeconds(tick));
            second.Advance(District.Tuesday(7).AddSeconds(tick));
        }

        Assert.Equal(first.Snapshot().Select(s => s.Free), second.Snapshot().Select(s => s.Free));
    }

    [Fact]
    public void Advance_OtherSeed_GivesAnotherState()
    {
        var (first, _) = ParkingFixture.Create(District.Tuesday(7));
        var (second, _) = ParkingFixture.Create(District.Tuesday(7), new ParkingOptions { Seed = 99 });
        Assert.NotEqual(first.Snapshot().Select(s => s.Free), second.Snapshot().Select(s => s.Free));
    }

    [Fact]
    public void Advance_OneSecond_MovesALotByOnlyAFewSpaces()
    {
        var (simulation, _) = ParkingFixture.Create(District.Tuesday(8));
        var before = simulation.Snapshot().Select(s => s.Free).ToArray();
        var changed = simulation.Advance(District.Tuesday(8).AddSeconds(1));
        Assert.NotEmpty(changed);
        Assert.All(changed, i => Assert.InRange(Math.Abs(simulation.GetState(i).Free - before[i]), 1, 3));
    }

    [Fact]
    public void Advance_ReturnsExactlyTheLotsWhoseFreeCountChanged()
    {
        var (simulation, _) = ParkingFixture.Create(District.Tuesday(8));
        var before = simulation.Snapshot().Select(s => s.Free).ToArray();
        var changed = simulation.Advance(District.Tuesday(8).AddSeconds(1)).ToHashSet();
        var after = simulation.Snapshot().Select(s => s.Free).ToArray();
        Assert.Equal(Enumerable.Range(0, 620).Where(i => before[i] != after[i]), changed.Order());
    }

    [Fact]
    public void Advance_ToTheSameOrAnEarlierInstant_ChangesNothing()
    {
        var (simulation, _) = ParkingFixture.Create(District.Tuesday(8));
        Assert.Empty(simulation.Advance(District.Tuesday(8)));
        Assert.Empty(simulation.Advance(District.Tuesday(7)));
    }

    [Fact]
    public void Advance_ThroughTheMorning_FillsOfficeLots()
    {
        var (simulation, _) = ParkingFixture.Create(District.Tuesday(5));
        var office = simulation.Lots.Where(l => l.Kind == "office").Select(l => l.Index).ToArray();
        var early = office.Average(i => simulation.GetState(i).Occupied / (double)simulation.GetState(i).Total);
        for (var minute = 1; minute <= 5 * 60; minute++)
        {
            simulation.Advance(District.Tuesday(5).AddMinutes(minute));
        }

        var late = office.Average(i => simulation.GetState(i).Occupied / (double)simulation.GetState(i).Total);
        Assert.True(late > early + 0.5, $"office occupancy went from {early:P0} at 05:00 to only {late:P0} at 10:00");
    }

    [Fact]
    public void GetState_ReportsDistrictTimeAndConsistentCounts()
    {
        var (simulation, _) = ParkingFixture.Create(District.Tuesday(9));
        simulation.Advance(District.Tuesday(9).AddSeconds(5));
        var state = simulation.GetState(41);
        Assert.Equal("LH-0042", state.Lot);
        Assert.Equal(state.Total, state.Free + state.Occupied);
        Assert.Equal(District.Tuesday(9).AddSeconds(5), state.Timestamp);
        Assert.Equal(TimeSpan.FromHours(8), state.Timestamp.Offset);
        Assert.True(state.UpdatedAt <= state.Timestamp);
    }
}
