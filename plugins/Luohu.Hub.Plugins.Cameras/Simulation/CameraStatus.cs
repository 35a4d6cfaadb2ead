namespace Luohu.Hub.Plugins.Cameras.Simulation;

/// <summary>The payload of <c>cameras/{deviceGroup}/{cameraId}/status</c>: a camera went offline or came back.</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="DeviceGroup">Its device group.</param>
/// <param name="Online">Whether it answers now.</param>
/// <param name="Since">When it changed, district time.</param>
/// <param name="MissedDetections">On coming back: detections it could not report while offline (they are lost).</param>
internal sealed record CameraStatus(string CameraId, string DeviceGroup, bool Online, DateTimeOffset Since, int MissedDetections = 0);
