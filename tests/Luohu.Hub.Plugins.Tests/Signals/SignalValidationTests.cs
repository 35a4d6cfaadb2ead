using Luohu.Hub.Plugins.Signals.Simulation;
using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Tests.Signals;

public sealed class SignalValidationTests
{
    private readonly SignalNetwork _network = SignalsFixture.Create(District.Tuesday(10)).Network;

    private static async Task<CapabilityInputException> Rejected<T>(Func<ValueTask<T>> call) =>
        await Assert.ThrowsAsync<CapabilityInputException>(async () => await call());

    [Theory]
    [InlineData("get-state")]
    [InlineData("set-phase")]
    [InlineData("run-plan")]
    public async Task UnknownIntersection_NamesTheFieldAndTheKnownRange(string operation)
    {
        var error = operation switch
        {
            "get-state" => await Rejected(() => _network.GetStateAsync(new IntersectionStateRequest("LH-X999"), CancellationToken.None)),
            "set-phase" => await Rejected(() => _network.SetPhaseAsync(new SetPhaseRequest("LH-X999", "NS-through", 20), CancellationToken.None)),
            _ => await Rejected(() => _network.RunTimingPlanAsync(new RunTimingPlanRequest("LH-X999", "night"), CancellationToken.None)),
        };
        Assert.Equal("intersectionId", error.Field);
        Assert.Equal("Unknown intersection 'LH-X999'. Known: LH-X001 … LH-X024.", error.Message);
    }

    [Fact]
    public async Task SetPhase_UnknownPhase_ListsThePhasesTheIntersectionHas()
    {
        var error = await Rejected(() => _network.SetPhaseAsync(new SetPhaseRequest("LH-X001", "pedestrian", 20), CancellationToken.None));
        Assert.Equal("phaseId", error.Field);
        Assert.Equal("Intersection LH-X001 has no phase 'pedestrian'. Its phases: NS-through, NS-left, EW-through, EW-left.", error.Message);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(91)]
    public async Task SetPhase_DurationOutsideMinAndMaxGreen_SaysTheAllowedRange(int seconds)
    {
        var error = await Rejected(() => _network.SetPhaseAsync(new SetPhaseRequest("LH-X001", "NS-through", seconds), CancellationToken.None));
        Assert.Equal("durationSeconds", error.Field);
        Assert.Equal($"Phase NS-through at LH-X001 can be held for 15 to 90 seconds; {seconds} is outside that range.", error.Message);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(90)]
    public async Task SetPhase_DurationAtTheLimits_IsAccepted(int seconds)
    {
        var result = await _network.SetPhaseAsync(new SetPhaseRequest("LH-X001", "NS-through", seconds), CancellationToken.None);
        Assert.Equal(District.Tuesday(10).AddSeconds(seconds), result.HeldUntil);
    }

    [Fact]
    public async Task SetPhase_PhaseIdInOtherCase_IsAcceptedUnderItsOwnName()
    {
        var result = await _network.SetPhaseAsync(new SetPhaseRequest("lh-x001", "ns-LEFT", 20), CancellationToken.None);
        Assert.Equal(("LH-X001", "NS-left"), (result.IntersectionId, result.PhaseId));
    }

    [Fact]
    public async Task RunTimingPlan_UnknownPlan_ListsThePlans()
    {
        var error = await Rejected(() => _network.RunTimingPlanAsync(new RunTimingPlanRequest("LH-X001", "elderly-crossing"), CancellationToken.None));
        Assert.Equal("planId", error.Field);
        Assert.Equal(
            "Intersection LH-X001 has no timing plan 'elderly-crossing'. Its plans: normal, peak-am, peak-pm, night; " +
            "or 'schedule' to follow the time-of-day schedule again.",
            error.Message);
    }

    [Fact]
    public async Task RunTimingPlan_ElderlyCrossingNearAHospital_IsAccepted()
    {
        var result = await _network.RunTimingPlanAsync(new RunTimingPlanRequest("LH-X005", "elderly-crossing"), CancellationToken.None);
        Assert.Equal("elderly-crossing", result.PlanId);
    }
}
