using System.Text.Json;
using Luohu.Hub.Plugins.Cameras;
using Luohu.Hub.Plugins.Cameras.Connectors;
using Luohu.Hub.Plugins.Cameras.Simulation;
using Luohu.Hub.Plugins.Tests.Fakes;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Plugins.Tests.Cameras;

public sealed class CamerasPluginTests
{
    private static readonly ActionContext Drill = new() { Capability = "camera.simulate", CorrelationId = "test" };

    private static RecordingPluginBuilder Configure(ManualTimeProvider? time = null)
    {
        var builder = new RecordingPluginBuilder(RecordingPluginBuilder.ManifestFor("luohu.cameras"), time ?? new ManualTimeProvider(District.Tuesday(9)));
        new CamerasPlugin().Configure(builder);
        return builder;
    }

    [Fact]
    public void Configure_RegistersTheDetectionsSource_TheSimulateAction_AndTheHealthCheck()
    {
        var builder = Configure();
        Assert.Equal(("cameras.detections", "cameras/#"), builder.EventSources.Select(s => (s.Id, s.Topics)).Single());
        Assert.Equal(["camera.simulate"], builder.Actions.Select(a => a.Capability));
        Assert.Equal(["cameras"], builder.HealthChecks.Select(h => h.Name));
        using var services = builder.Services.BuildServiceProvider();
        Assert.All(builder.Actions.Select(a => a.Action).Concat(builder.EventSources.Select(s => s.Source)).Concat(builder.HealthChecks.Select(h => h.Check)),
            t => Assert.NotNull(ActivatorUtilities.CreateInstance(services, t)));
    }

    [Fact]
    public async Task ListCameras_ByGroup_AllWithoutOne_AndAnUnknownGroupIsEmpty()
    {
        using var services = Configure().Services.BuildServiceProvider();
        var source = services.GetRequiredService<ICameraSource>();

        Assert.Equal(36, (await source.ListCamerasAsync(new CameraListRequest(), default)).Cameras.Count);
        var schools = await source.ListCamerasAsync(new CameraListRequest("school-gates"), default);
        Assert.Equal(12, schools.Cameras.Count);
        Assert.All(schools.Cameras, c => Assert.Equal("school-gates", c.DeviceGroup));
        Assert.Empty((await source.ListCamerasAsync(new CameraListRequest("metro"), default)).Cameras);
    }

    [Fact]
    public async Task Snapshot_IsAReferenceAtTheVendor_AndAnUnknownCameraIsTheCallersError()
    {
        using var services = Configure().Services.BuildServiceProvider();
        var source = services.GetRequiredService<ICameraSource>();

        var snapshot = await source.SnapshotAsync(new SnapshotRequest("MR-03"), default);
        Assert.Equal("MR-03", snapshot.CameraId);
        Assert.Equal("image/jpeg", snapshot.ContentType);
        Assert.StartsWith("https://vms.luohu-vision.example/snapshots/main-roads/MR-03/", snapshot.Uri.ToString(), StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<CapabilityInputException>(() => source.SnapshotAsync(new SnapshotRequest("CAM-9"), default).AsTask());
        Assert.Equal("cameraId", error.Field);
    }

    [Fact]
    public async Task Simulate_AHonkingCar_IsPublishedByTheSource_WithPlateLevelAndSnapshot()
    {
        var time = new ManualTimeProvider(District.Tuesday(9));
        using var services = Configure(time).Services.BuildServiceProvider();
        var action = ActivatorUtilities.CreateInstance<SimulateSceneAction>(services);
        var source = ActivatorUtilities.CreateInstance<DetectionsEventSource>(services);
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(sink, stop.Token);

        var result = await action.InvokeAsync(new SimulateSceneRequest("MR-01", "honking", Plate: "粤b12345", SoundLevelDb: 92.5), Drill, default);
        Assert.Equal("cameras/main-roads/MR-01/honking", result.Topic);

        // The staged scene wakes the source without waiting for the tick (the manual clock never moves here).
        await Poll.UntilAsync(() => sink.Events.Any(e => e.Topic == result.Topic), "the scene is published");
        var payload = sink.Events.First(e => e.Topic == result.Topic).Payload;
        Assert.Equal("honking", payload.GetProperty("kind").GetString());
        Assert.Equal("粤B12345", payload.GetProperty("plate").GetString());
        Assert.Equal(92.5, payload.GetProperty("soundLevelDb").GetDouble());
        Assert.Equal("main-roads", payload.GetProperty("deviceGroup").GetString());
        Assert.Equal(result.SnapshotUri!.ToString(), payload.GetProperty("snapshot").GetProperty("uri").GetString());
        Assert.False(payload.TryGetProperty("person", out _));

        await stop.CancelAsync();
        await run;
    }

    [Theory]
    [InlineData("HC-01", "dance", null, "kind")]
    [InlineData("HC-01", "1", null, "kind")]
    [InlineData("XX-01", "person", null, "cameraId")]
    [InlineData("HC-01", "person", "粤B12345", "plate")]
    [InlineData("MR-01", "plate", "B12345", "plate")]
    public async Task Simulate_BadInput_NamesTheField(string camera, string kind, string? plate, string field)
    {
        using var services = Configure().Services.BuildServiceProvider();
        var action = ActivatorUtilities.CreateInstance<SimulateSceneAction>(services);

        var error = await Assert.ThrowsAsync<CapabilityInputException>(() => action.InvokeAsync(new SimulateSceneRequest(camera, kind, Plate: plate), Drill, default).AsTask());
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Detections_SerializeTheKindAsText()
    {
        var detection = new CameraEvent("HC-01", "hospital-crossings", CameraEventKind.Person, District.Tuesday(9), 0.9, Person: new PersonAttributes(true, true, false, false));
        var json = JsonSerializer.SerializeToElement(detection, CameraJson.Options);
        Assert.Equal("person", json.GetProperty("kind").GetString());
        Assert.True(json.GetProperty("person").GetProperty("wheelchair").GetBoolean());
    }
}
