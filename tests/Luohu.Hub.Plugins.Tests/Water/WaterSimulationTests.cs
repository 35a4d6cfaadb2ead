using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Plugins.Water;
using Luohu.Hub.Plugins.Water.Model;
using Luohu.Hub.Plugins.Water.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Plugins.Tests.Water;

public sealed class WaterSimulationTests
{
    private static readonly WaterOptions Calm = new() { RainChancePerHour = 0, OfflineChancePerHour = 0, GapChance = 0 };

    private static (WaterSimulation Simulation, ManualTimeProvider Time) Create(WaterOptions options)
    {
        var time = new ManualTimeProvider(District.Tuesday(15));
        return (new WaterSimulation(options, time, NullLogger<WaterSimulation>.Instance), time);
    }

    /// <summary>Ticks once a second for <paramref name="seconds"/> and returns everything sent.</summary>
    private static List<WaterEmission> Run(WaterSimulation simulation, ManualTimeProvider time, int seconds)
    {
        var all = new List<WaterEmission>();
        for (var i = 0; i < seconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            all.AddRange(simulation.Tick(time.GetUtcNow()));
        }

        return all;
    }

    [Fact]
    public void Catalog_HasTheDistrictsStations_WithUniqueIds()
    {
        var stations = StationCatalog.Generate(Calm.Seed);
        Assert.Equal(170, stations.Count(s => s.Kind == StationKind.Outfall));
        Assert.Equal(100, stations.Count(s => s.Kind == StationKind.StormDrain));
        Assert.Equal(21, stations.Count(s => s.Kind == StationKind.Waterlogging));
        Assert.Equal(11, stations.Count(s => s.Kind == StationKind.Quality));
        Assert.Equal(stations.Count, stations.Select(s => s.Id).Distinct().Count());
        Assert.All(stations.Where(s => s.Kind != StationKind.Quality), s => Assert.True(s.WarningLine > s.BaseValue, s.Id));
    }

    [Fact]
    public void DryWeather_EveryStationReportsEveryTick_NoLevelNearTheWarningLine()
    {
        var (simulation, time) = Create(Calm);
        var sent = Run(simulation, time, 30);

        Assert.Equal(302 * 30, sent.Count);
        Assert.All(sent, e => Assert.NotNull(e.Reading));
        Assert.All(sent.Where(e => e.Reading!.Kind == StationKinds.Level), e => Assert.InRange(e.Reading!.Value, 0, 2));
    }

    [Fact]
    public void ARainstormOverOneArea_FloodsItsLowSpotsPastTheLine_AndNowhereElse()
    {
        var (simulation, time) = Create(new WaterOptions { RainChancePerHour = 0, OfflineChancePerHour = 0, GapChance = 0, TimeScale = 60 });
        simulation.StartRain(80, TimeSpan.FromMinutes(60), "Nanhu");
        var sent = Run(simulation, time, 20);

        var levels = sent.Select(e => e.Reading!).Where(r => r.Kind == StationKinds.Level).ToList();
        Assert.Contains(levels, r => r.Area == "Nanhu" && r.Value > r.WarningLine);
        Assert.All(levels.Where(r => r.Area != "Nanhu"), r => Assert.True(r.Value < 2, $"{r.DeviceId} in {r.Area}: {r.Value} cm"));

        // A Nanhu outfall carries more than in dry weather; the rain is recorded with the reading.
        var outfall = levels.Concat(sent.Select(e => e.Reading!)).First(r => r.Area == "Nanhu" && r.StationKind == "outfall");
        var station = simulation.Find(outfall.DeviceId)!;
        Assert.True(simulation.Current(station).Value > station.BaseValue * 2);
        Assert.True(sent.Last(e => e.Reading!.DeviceId == outfall.DeviceId).Reading!.RainMmPerHour > 0);
    }

    [Fact]
    public void AfterTheRain_LevelsDrainAway()
    {
        var (simulation, time) = Create(new WaterOptions { RainChancePerHour = 0, OfflineChancePerHour = 0, GapChance = 0, TimeScale = 60 });
        simulation.StartRain(80, TimeSpan.FromMinutes(30), null);
        Run(simulation, time, 30);
        var peak = simulation.Stations.Where(s => s.Kind == StationKind.Waterlogging).Max(s => simulation.Current(s).Value);

        Run(simulation, time, 120);

        var after = simulation.Stations.Where(s => s.Kind == StationKind.Waterlogging).Max(s => simulation.Current(s).Value);
        Assert.True(peak > 15, $"peak {peak}");
        Assert.True(after < peak / 10, $"peak {peak}, two simulated hours later {after}");
    }

    [Fact]
    public void AStationOffline_SaysSo_BuffersItsReadings_AndSendsThemInOneBurstWhenBack()
    {
        // Certain to go offline on the first tick; then it stays away 30 s to 10 min.
        var (simulation, time) = Create(new WaterOptions { RainChancePerHour = 0, OfflineChancePerHour = 3600, GapChance = 0 });
        var sent = Run(simulation, time, 11 * 60);

        var station = "WL-01";
        var mine = sent.Where(e => e.Topic.StartsWith($"sensors/water/{station}/", StringComparison.Ordinal)).ToList();
        Assert.False(mine[0].Status!.Online);
        var back = mine.FindIndex(e => e.Status is { Online: true });
        Assert.True(back > 0, "the station came back within 10 minutes");
        var count = mine[back].Status!.BufferedReadings;
        Assert.InRange(count, 1, 30);
        var burst = mine.Skip(back + 1).Take(count).Select(e => e.Reading!).ToList();
        Assert.All(burst, r => Assert.True(r.Buffered));
        Assert.Equal(burst.OrderBy(r => r.Timestamp).Select(r => r.Timestamp), burst.Select(r => r.Timestamp));
        Assert.False(mine[back + 1 + count].Reading!.Buffered);
    }

    [Fact]
    public void Gaps_DropReadings_AtTheConfiguredRate()
    {
        var (simulation, time) = Create(new WaterOptions { RainChancePerHour = 0, OfflineChancePerHour = 0, GapChance = 0.1 });
        var sent = Run(simulation, time, 50);
        Assert.InRange(sent.Count, 302 * 50 * 0.85, 302 * 50 * 0.95);
    }

    [Fact]
    public void Options_BadValue_FailsNamingTheKeyAndTheFix()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TimeScale"] = "fast" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => WaterOptions.From(configuration));
        Assert.Equal(
            "Water plugin setting 'TimeScale' is 'fast', which is not a number from 0.01 to 3600. Fix Hub:Plugins:luohu.water:TimeScale or remove it to use the default 1.",
            error.Message);
    }
}
