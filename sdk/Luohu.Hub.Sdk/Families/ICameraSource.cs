using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Sdk.Families;

/// <summary>
/// A vendor's cameras. Detections stream as <see cref="CameraEvent"/> payloads on topics
/// <c>cameras/{deviceGroup}/{cameraId}/{kind}</c>, so grants can narrow a department to its device groups.
/// </summary>
public interface ICameraSource
{
    /// <summary>Lists cameras, optionally of one device group.</summary>
    /// <param name="request">The filter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Capability(StandardCapabilities.CameraList, "List cameras")]
    ValueTask<CameraList> ListCamerasAsync(CameraListRequest request, CancellationToken cancellationToken);

    /// <summary>Takes a snapshot and returns a reference to it (never the image bytes).</summary>
    /// <param name="request">The camera.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CapabilityInputException">The camera is unknown.</exception>
    [Capability(StandardCapabilities.CameraSnapshot, "Take a snapshot", Sensitive = true)]
    ValueTask<SnapshotReference> SnapshotAsync(SnapshotRequest request, CancellationToken cancellationToken);
}
