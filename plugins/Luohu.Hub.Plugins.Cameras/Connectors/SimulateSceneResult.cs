namespace Luohu.Hub.Plugins.Cameras.Connectors;

/// <summary>Output of <c>camera.simulate</c>: the detection as it goes on the bus.</summary>
/// <param name="Topic">Where it is published.</param>
/// <param name="CameraId">The camera.</param>
/// <param name="DeviceGroup">The camera's device group.</param>
/// <param name="Kind">What was detected, as in the topic.</param>
/// <param name="Timestamp">When, district time.</param>
/// <param name="Plate">The plate, for plates and honking.</param>
/// <param name="SnapshotUri">The snapshot reference's address.</param>
internal sealed record SimulateSceneResult(string Topic, string CameraId, string DeviceGroup, string Kind, DateTimeOffset Timestamp, string? Plate, Uri? SnapshotUri);
