using Luohu.Hub.Plugins.Signals.Simulation;
using Luohu.Hub.Plugins.Tests.Fakes;

namespace Luohu.Hub.Plugins.Tests.Signals;

public sealed class PlanScheduleTests
{
    [Theory]
    [InlineData(17, 8, 0, "peak-am")]
    [InlineData(17, 9, 45, "normal")]
    [InlineData(17, 12, 0, "normal")]
    [InlineData(17, 18, 0, "peak-pm")]
    [InlineData(17, 23, 30, "night")]
    [InlineData(17, 3, 0, "night")]
    [InlineData(21, 8, 0, "normal")]
    [InlineData(21, 18, 0, "normal")]
    public void PlanAt_DistrictTime_PicksThePlan(int day, int hour, int minute, string expected) =>
        Assert.Equal(expected, PlanSchedule.PlanAt(District.At(day, hour, minute).ToUniversalTime()));
}
