using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Tests.Signals;

public sealed class SignalNetworkTests
{
    private static readonly DateTimeOffset Start = District.Tuesday(10);

    [Fact]
    public async Task GetState_AtStart_ShowsThePlanPhaseAndItsEnd()
    {
        var (network, _) = SignalsFixture.Create(Start);
        var state = await network.GetStateAsync(new IntersectionStateRequest("LH-X001"), CancellationToken.None);

        Assert.Equal(("NS-through", "normal", "plan"), (state.CurrentPhase, state.ActivePlan, state.Mode));
        Assert.Equal(Start, state.PhaseStartedAt);
        Assert.Equal(Start.AddSeconds(40), state.PhaseEndsAt);
        Assert.Equal(["NS-through", "NS-left", "EW-through", "EW-left"], state.Phases.Select(p => p.PhaseId));
        Assert.Equal("深南东路/建设路", state.Name);
    }

    [Fact]
    public void Advance_OneCycle_VisitsEveryPhaseInOrderAtThePlannedTimes()
    {
        var (network, time) = SignalsFixture.Create(Start);
        var changes = SignalsFixture.Run(network, time, 105).Where(c => c.Intersection == "LH-X001").ToArray();

        Assert.Equal(["NS-left", "EW-through", "EW-left", "NS-through"], changes.Select(c => c.Phase));
        Assert.Equal(["NS-through", "NS-left", "EW-through", "EW-left"], changes.Select(c => c.PreviousPhase));
        Assert.Equal([40, 55, 90, 105], changes.Select(c => (int)(c.Timestamp - Start).TotalSeconds));
        Assert.All(changes, c => Assert.Equal(TimeSpan.FromHours(8), c.Timestamp.Offset));
    }

    [Fact]
    public void Advance_IntoTheMorningPeak_SwitchesToThePeakPlan()
    {
        var (network, time) = SignalsFixture.Create(District.Tuesday(6, 58));
        var changes = SignalsFixture.Run(network, time, 5 * 60);
        Assert.Equal("normal", changes.First(c => c.Intersection == "LH-X001").Plan);
        Assert.Equal("peak-am", changes.Last(c => c.Intersection == "LH-X001").Plan);
    }

    [Fact]
    public void Advance_AfterALongGap_StartsTheNextPhaseNowInsteadOfReplayingTheGap()
    {
        var (network, time) = SignalsFixture.Create(Start);
        time.Advance(TimeSpan.FromHours(2));
        var changes = network.Advance(time.GetUtcNow());

        Assert.Equal(24, changes.Count);
        Assert.All(changes, c => Assert.Equal(Start.AddHours(2), c.Timestamp));
    }

    [Fact]
    public async Task SetPhase_HoldsThePhaseInOverrideModePastItsPlannedGreen()
    {
        var (network, time) = SignalsFixture.Create(Start);
        var result = await network.SetPhaseAsync(new SetPhaseRequest("LH-X005", "pedestrian", 50, "ambulance"), CancellationToken.None);
        SignalsFixture.Run(network, time, 49);
        var state = await network.GetStateAsync(new IntersectionStateRequest("LH-X005"), CancellationToken.None);

        Assert.Equal(new SetPhaseResult("LH-X005", "pedestrian", Start.AddSeconds(50)), result);
        Assert.Equal(("pedestrian", "override"), (state.CurrentPhase, state.Mode));
        Assert.Equal(Start.AddSeconds(50), state.PhaseEndsAt);
    }

    [Fact]
    public async Task SetPhase_WhenTheHoldEnds_ThePlanResumesWithTheNextPhase()
    {
        var (network, time) = SignalsFixture.Create(Start);
        await network.SetPhaseAsync(new SetPhaseRequest("LH-X005", "EW-through", 30), CancellationToken.None);
        SignalsFixture.Run(network, time, 30);
        var state = await network.GetStateAsync(new IntersectionStateRequest("LH-X005"), CancellationToken.None);

        Assert.Equal(("EW-left", "plan"), (state.CurrentPhase, state.Mode));
        Assert.Equal(Start.AddSeconds(30), state.PhaseStartedAt);
    }

    [Fact]
    public async Task SetPhase_EmitsTheOverrideAndTheResumeAsStateChanges()
    {
        var (network, time) = SignalsFixture.Create(Start);
        network.Advance(Start);
        await network.SetPhaseAsync(new SetPhaseRequest("LH-X005", "pedestrian", 30), CancellationToken.None);
        var changes = SignalsFixture.Run(network, time, 30).Where(c => c.Intersection == "LH-X005").ToArray();

        Assert.Equal(
            [("pedestrian", "NS-through", "override", 0), ("NS-through", "pedestrian", "plan", 30)],
            changes.Select(c => (c.Phase, c.PreviousPhase, c.Mode, (int)(c.Timestamp - Start).TotalSeconds)));
    }

    [Fact]
    public async Task RunTimingPlan_TimesTheFollowingPhasesWithTheNewPlan()
    {
        var (network, time) = SignalsFixture.Create(Start);
        var result = await network.RunTimingPlanAsync(new RunTimingPlanRequest("LH-X008", "night"), CancellationToken.None);
        SignalsFixture.Run(network, time, 60);
        var state = await network.GetStateAsync(new IntersectionStateRequest("LH-X008"), CancellationToken.None);

        Assert.Equal(new RunTimingPlanResult("LH-X008", "night", Start), result);
        Assert.Equal("night", state.ActivePlan);
        Assert.Equal("NS-through", state.CurrentPhase);
        Assert.Equal(TimeSpan.FromSeconds(30), state.PhaseEndsAt!.Value - state.PhaseStartedAt);
    }

    [Fact]
    public async Task RunTimingPlan_PinnedPlanOutlastsTheSchedule_UntilScheduleIsAskedFor()
    {
        var (network, time) = SignalsFixture.Create(District.Tuesday(16, 55));
        await network.RunTimingPlanAsync(new RunTimingPlanRequest("LH-X001", "normal"), CancellationToken.None);
        SignalsFixture.Run(network, time, 10 * 60);
        var pinned = await network.GetStateAsync(new IntersectionStateRequest("LH-X001"), CancellationToken.None);
        var back = await network.RunTimingPlanAsync(new RunTimingPlanRequest("LH-X001", "schedule"), CancellationToken.None);

        Assert.Equal("normal", pinned.ActivePlan);
        Assert.Equal("peak-pm", back.PlanId);
    }

    [Fact]
    public async Task Calls_FromManyThreadsAtOnce_KeepEveryIntersectionConsistent()
    {
        var (network, time) = SignalsFixture.Create(Start);
        var phases = new[] { "NS-through", "EW-through" };
        await Parallel.ForAsync(0, 2000, async (i, ct) =>
        {
            var id = $"LH-X{(i % 24) + 1:D3}";
            switch (i % 4)
            {
                case 0:
                    await network.SetPhaseAsync(new SetPhaseRequest(id, phases[i % 2], 20), ct);
                    break;
                case 1:
                    await network.GetStateAsync(new IntersectionStateRequest(id), ct);
                    break;
                case 2:
                    time.Advance(TimeSpan.FromSeconds(1));
                    network.Advance(time.GetUtcNow());
                    break;
                default:
                    await network.RunTimingPlanAsync(new RunTimingPlanRequest(id, "peak-pm"), ct);
                    break;
            }
        });

        foreach (var intersection in network.Intersections)
        {
            var state = await network.GetStateAsync(new IntersectionStateRequest(intersection.Id), CancellationToken.None);
            Assert.Contains(state.CurrentPhase, intersection.Phases.Select(p => p.PhaseId));
            Assert.True(state.PhaseEndsAt > state.PhaseStartedAt);
        }
    }
}
