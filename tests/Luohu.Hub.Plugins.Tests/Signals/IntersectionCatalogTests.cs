using Luohu.Hub.Plugins.Signals.Model;

namespace Luohu.Hub.Plugins.Tests.Signals;

public sealed class IntersectionCatalogTests
{
    private static readonly IReadOnlyList<Intersection> Intersections = IntersectionCatalog.Create();

    [Fact]
    public void Create_Has24IntersectionsNumberedLHX001To024() =>
        Assert.Equal(Enumerable.Range(1, 24).Select(i => $"LH-X{i:D3}"), Intersections.Select(i => i.Id));

    [Fact]
    public void Create_IsDeterministic() =>
        Assert.Equal(
            Intersections.Select(i => (i.Id, i.Name, i.Location, string.Join(",", i.Phases.Select(p => p.PhaseId)))),
            IntersectionCatalog.Create().Select(i => (i.Id, i.Name, i.Location, string.Join(",", i.Phases.Select(p => p.PhaseId)))));

    [Fact]
    public void Create_EachIntersectionHasTwoToFourPhases() =>
        Assert.All(Intersections, i => Assert.InRange(i.Phases.Count, 2, 4));

    [Fact]
    public void Create_EachIntersectionRunsTheFourDailyPlans() =>
        Assert.All(Intersections, i => Assert.Equal(
            ["normal", "peak-am", "peak-pm", "night"],
            i.Plans.Select(p => p.Id).Where(p => p != "elderly-crossing")));

    [Fact]
    public void Create_EveryPlanGreenIsWithinThePhaseLimits() =>
        Assert.All(Intersections.SelectMany(i => i.Plans.SelectMany(plan => i.Phases.Select(phase => (phase, green: plan.GreenSeconds[phase.PhaseId])))),
            x => Assert.InRange(x.green, x.phase.MinGreenSeconds, x.phase.MaxGreenSeconds));

    [Fact]
    public void Create_IntersectionsNearHospitalsHaveALongerPedestrianPhaseForTheElderly()
    {
        var nearHospital = Intersections.Where(i => i.NearHospital).ToArray();
        Assert.True(nearHospital.Length >= 3);
        Assert.All(nearHospital, i =>
        {
            var elderly = Assert.IsType<TimingPlan>(i.Plan("elderly-crossing"));
            Assert.True(elderly.GreenSeconds["pedestrian"] > i.Plan("normal")!.GreenSeconds["pedestrian"]);
        });
    }

    [Fact]
    public void Create_OnlyIntersectionsNearHospitalsHaveTheElderlyCrossingPlan() =>
        Assert.All(Intersections.Where(i => !i.NearHospital), i => Assert.Null(i.Plan("elderly-crossing")));

    [Fact]
    public void Create_LocationsAreInsideLuohu() =>
        Assert.All(Intersections, i =>
        {
            Assert.InRange(i.Location.Latitude, 22.53, 22.62);
            Assert.InRange(i.Location.Longitude, 114.09, 114.21);
        });
}
