using Luohu.Hub.Plugins.Cameras.Model;
using Luohu.Hub.Plugins.Cameras.Simulation;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Cameras.Connectors;

/// <summary>The district's unified camera interface over the simulated cameras (<c>camera.list</c>, <c>camera.snapshot</c>).</summary>
/// <remarks>
/// A list without a group answers every camera: the hub narrows the answer to the groups the caller may see, so the
/// plugin never needs to know who asks.
/// </remarks>
internal sealed class CameraSource(CameraSimulation simulation, TimeProvider time) : ICameraSource
{
    public ValueTask<CameraList> ListCamerasAsync(CameraListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A group is asked of every camera vendor at once: a group this plugin does not have is an empty answer.
        var group = request.DeviceGroup?.Trim();
        var cameras = simulation.Cameras
            .Where(c => string.IsNullOrEmpty(group) || string.Equals(c.Group, group, StringComparison.Ordinal))
            .Select(c => c.Info)
            .ToArray();
        return ValueTask.FromResult(new CameraList(cameras));
    }

    public ValueTask<SnapshotReference> SnapshotAsync(SnapshotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var camera = Find(simulation, request.CameraId);
        if (simulation.OfflineUntil(camera) is { } until)
        {
            throw Offline(camera, until);
        }

        return ValueTask.FromResult(CameraSimulation.Snapshot(camera, time.GetUtcNow()));
    }

    internal static Camera Find(CameraSimulation simulation, string? cameraId) =>
        simulation.Find(cameraId)
        ?? throw new CapabilityInputException("cameraId",
            $"Unknown camera '{cameraId}'. Ids: HC-01…HC-12 ({DeviceGroups.HospitalCrossings}), SG-01…SG-12 ({DeviceGroups.SchoolGates}), MR-01…MR-12 ({DeviceGroups.MainRoads}); camera.list names them.");

    internal static CapabilityInputException Offline(Camera camera, DateTimeOffset until) =>
        new("cameraId", $"Camera {camera.Id} ({camera.NameEn}) is offline until about {DistrictTime.ToLocal(until):HH:mm:ss}; try another camera of {camera.Group} or later.");
}
