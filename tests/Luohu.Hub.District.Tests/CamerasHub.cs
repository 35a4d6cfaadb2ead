using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.District.Tests;

/// <summary>
/// One hub for the camera scenarios: the cameras plugin (no detections of its own, no outages: only the scenes the
/// tests stage with <c>camera.simulate</c>) and the isolated signals plugin from their bundled folders, the sample
/// flows deployed at first start.
/// </summary>
public sealed class CamerasHub : IAsyncLifetime
{
    public HubServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await DistrictHub.StartAsync(new Dictionary<string, string?>
        {
            ["Hub:Plugins:luohu.cameras:DetectionsPerCameraPerMinute"] = "0",
            ["Hub:Plugins:luohu.cameras:OfflineChancePerHour"] = "0",
        });
        await DistrictHub.WaitForCapabilityAsync(Server, "camera.simulate");
        await DistrictHub.WaitForCapabilityAsync(Server, "signal.set-phase");
        foreach (var flow in new[] { "elderly-crossing", "fire-green-wave", "honking-enforcement" })
        {
            await DistrictHub.WaitForDeployedAsync(Server, flow);
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The camera scenarios share <see cref="CamerasHub"/>; each uses its own cameras and intersections.</summary>
[CollectionDefinition(Name)]
public sealed class CameraScenarios : ICollectionFixture<CamerasHub>
{
    public const string Name = "cameras";
}
