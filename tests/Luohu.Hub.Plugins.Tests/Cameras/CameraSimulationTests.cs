using Luohu.Hub.Plugins.Cameras;
using Luohu.Hub.Plugins.Cameras.Model;
using Luohu.Hub.Plugins.Cameras.Simulation;
using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Plugins.Tests.Cameras;

public sealed class CameraSimulationTests
{
    private static readonly CamerasOptions Calm = new() { OfflineChancePerHour = 0, GapChance = 0, NoiseChance = 0 };

    private static (CameraSimulation Simulation, ManualTimeProvider Time) Create(CamerasOptions options)
    {
        var time = new ManualTimeProvider(District.Tuesday(8));
        return (new CameraSimulation(options, time, NullLogger<CameraSimulation>.Instance), time);
    }

    /// <summary>Ticks once a second for <paramref name="seconds"/> and returns everything sent.</summary>
    private static List<CameraEmission> Run(CameraSimulation simulation, ManualTimeProvider time, int seconds)
    {
        var all = new List<CameraEmission>();
        for (var i = 0; i < seconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            all.AddRange(simulation.Tick(time.GetUtcNow()));
        }

        return all;
    }

    [Fact]
    public void Catalog_HasTwelveCamerasInEachGroup_WithUniqueIds_InLuohu()
    {
        var cameras = CameraCatalog.Create();
        Assert.Equal(36, cameras.Count);
        Assert.All(DeviceGroups.All, g => Assert.Equal(12, cameras.Count(c => c.Group == g)));
        Assert.Equal(cameras.Count, cameras.Select(c => c.Id).Distinct().Count());
        Assert.All(cameras, c =>
        {
            Assert.InRange(c.Location.Latitude, 22.52, 22.60);
            Assert.InRange(c.Location.Longitude, 114.09, 114.19);
        });
        Assert.All(cameras, c => Assert.Equal(c.Group == DeviceGroups.MainRoads, c.AcousticArray));
    }

    [Fact]
    public void AnHour_EachGroupSeesWhatItsPlaceSees_OnTheContractsTopics()
    {
        var (simulation, time) = Create(Calm);
        var sent = Run(simulation, time, 3600);

        // 36 cameras × 4 detections a minute × 60 minutes, give or take chance.
        Assert.InRange(sent.Count, 36 * 4 * 60 * 0.9, 36 * 4 * 60 * 1.1);
        Assert.All(sent, e =>
        {
            var detection = e.Event!;
            Assert.Equal($"cameras/{detection.DeviceGroup}/{detection.CameraId}/{CameraJson.KindName(detection.Kind)}", e.Topic);
            Assert.Equal(detection.CameraId, detection.Snapshot!.CameraId);
            Assert.Equal(TimeSpan.FromHours(8), detection.Timestamp.Offset);
            Assert.Equal(detection.Kind == CameraEventKind.Person, detection.Person is not null);
            Assert.Equal(detection.Kind is CameraEventKind.Plate or CameraEventKind.Honking, detection.Plate is not null);
            Assert.Equal(detection.Kind == CameraEventKind.Honking, detection.SoundLevelDb is not null);
            Assert.Equal(detection.Kind == CameraEventKind.Face, detection.FaceId is not null);
        });
        Assert.All(sent.Where(e => e.Event!.Plate is not null), e => Assert.Matches(@"^粤B[0-9A-HJ-NP-Z]{5,6}$", e.Event!.Plate!));
        Assert.All(sent.Where(e => e.Event!.Kind == CameraEventKind.Honking), e =>
        {
            Assert.Equal(DeviceGroups.MainRoads, e.Event!.DeviceGroup);
            Assert.InRange(e.Event.SoundLevelDb!.Value, 78, 100);
        });

        var people = sent.Where(e => e.Event!.Person is not null).ToList();
        double Share(string group, Func<PersonAttributes, bool> attribute) =>
            people.Where(e => e.Event!.DeviceGroup == group).Average(e => attribute(e.Event!.Person!) ? 1.0 : 0.0);
        Assert.True(Share(DeviceGroups.SchoolGates, p => p.Child) > 0.5, "most people at school gates are children");
        Assert.True(Share(DeviceGroups.HospitalCrossings, p => p.Elderly) > Share(DeviceGroups.SchoolGates, p => p.Elderly), "hospital crossings see more older people");
        Assert.Contains(people, e => e.Event!.DeviceGroup == DeviceGroups.HospitalCrossings && e.Event.Person!.Wheelchair);
    }

    [Fact]
    public void Noise_IsFalseDetectionsAtLowConfidence()
    {
        var (simulation, time) = Create(Calm);
        var (noisy, noisyTime) = Create(new CamerasOptions { OfflineChancePerHour = 0, GapChance = 0, NoiseChance = 0.5 });

        Assert.All(Run(simulation, time, 600), e => Assert.InRange(e.Event!.Confidence, 0.72, 0.99));
        var detections = Run(noisy, noisyTime, 600);
        var low = detections.Count(e => e.Event!.Confidence < 0.5);
        Assert.InRange(low, detections.Count * 0.4, detections.Count * 0.6);
    }

    [Fact]
    public void Gaps_LoseDetections_AtTheConfiguredRate_AndCountThem()
    {
        var (simulation, time) = Create(new CamerasOptions { OfflineChancePerHour = 0, GapChance = 0.2, NoiseChance = 0 });
        var sent = Run(simulation, time, 1800).Count;
        var lost = simulation.Lost;
        Assert.InRange((double)lost / (sent + lost), 0.15, 0.25);
    }

    [Fact]
    public void ACameraOffline_SaysSo_SendsNothing_AndComesBackCountingWhatItMissed()
    {
        // Every camera is certain to go offline on the first tick; each stays away 1 to 15 minutes.
        var (simulation, time) = Create(new CamerasOptions { OfflineChancePerHour = 3600, GapChance = 0, NoiseChance = 0, DetectionsPerCameraPerMinute = 6 });
        var first = Run(simulation, time, 1);
        Assert.Equal(36, first.Count(e => e.Status is { Online: false }));
        Assert.Equal(36, simulation.OfflineCount);

        var later = Run(simulation, time, 16 * 60);
        var mine = later.Where(e => e.Topic.StartsWith("cameras/school-gates/SG-03/", StringComparison.Ordinal)).ToList();
        var back = mine.FindIndex(e => e.Status is { Online: true });
        Assert.True(back >= 0, "the camera came back within 15 minutes");
        Assert.Equal("cameras/school-gates/SG-03/status", mine[back].Topic);
        Assert.All(mine.Take(back), e => Assert.Null(e.Event));
        Assert.True(mine[back].Status!.MissedDetections > 0, "it missed what happened while it was away");
    }

    [Fact]
    public void AStagedScene_GoesOutFirstOnTheNextTick_AsStaged()
    {
        var (simulation, time) = Create(Calm);
        var camera = simulation.Find("hc-01")!;
        var staged = simulation.Stage(camera, CameraEventKind.Person, new PersonAttributes(true, false, false, true), null, null)!;
        Assert.True(simulation.SceneStaged.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        var sent = simulation.Tick(time.GetUtcNow());

        Assert.Equal("cameras/hospital-crossings/HC-01/person", sent[0].Topic);
        Assert.Same(staged, sent[0].Event);
        Assert.True(sent[0].Event!.Person!.Elderly);
        Assert.False(simulation.SceneStaged.IsCompleted);
    }

    [Fact]
    public void Options_BadValue_FailsNamingTheKeyAndTheFix()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["GapChance"] = "2" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => CamerasOptions.From(configuration));
        Assert.Equal(
            "Cameras plugin setting 'GapChance' is '2', which is not a number from 0 to 1. Fix Hub:Plugins:luohu.cameras:GapChance or remove it to use the default 0.01.",
            error.Message);
    }
}
