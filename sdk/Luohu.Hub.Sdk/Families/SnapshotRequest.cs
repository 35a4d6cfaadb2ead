namespace Luohu.Hub.Sdk.Families;

/// <summary>Asks a camera for a snapshot.</summary>
/// <param name="CameraId">The camera id.</param>
public sealed record SnapshotRequest(string CameraId);
