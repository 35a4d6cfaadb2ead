using Luohu.Hub.Plugins.Cameras.Connectors;
using Luohu.Hub.Plugins.Cameras.Simulation;
using Luohu.Hub.Sdk.Families;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Plugins.Cameras;

/// <summary>
/// Entry type of <c>luohu.cameras</c>: 36 simulated cameras at hospital crossings, school gates and main roads.
/// Registers the unified <see cref="ICameraSource"/>, the detections event source, <c>camera.simulate</c> and a health check.
/// </summary>
public sealed class CamerasPlugin : IHubPlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.Services.AddSingleton(CamerasOptions.From(plugin.Configuration));
        plugin.Services.AddSingleton<CameraSimulation>();
        plugin.Services.AddSingleton<ICameraSource, CameraSource>();

        plugin
            .AddEventSource<DetectionsEventSource>(
                "cameras.detections", "Camera detections", "cameras/#",
                "Each detection on cameras/{deviceGroup}/{cameraId}/face|person|plate|honking (camera, group, kind, time, confidence, face id, person attributes, plate, sound level, snapshot reference), and cameras/{deviceGroup}/{cameraId}/status when a camera goes offline or comes back.")
            .AddAction<SimulateSceneAction, SimulateSceneRequest, SimulateSceneResult>(
                "camera.simulate", "Simulate a scene (drills)", "Makes a camera see a face, a person (elderly, wheelchair, child), a plate or a honking vehicle now; published like any detection.")
            .AddHealthCheck<CamerasHealthCheck>("cameras");
    }
}
