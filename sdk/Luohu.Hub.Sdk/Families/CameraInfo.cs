namespace Luohu.Hub.Sdk.Families;

/// <summary>A camera.</summary>
/// <param name="CameraId">The camera id.</param>
/// <param name="Name">Display name.</param>
/// <param name="DeviceGroup">The group grants refer to, e.g. <c>school-gates</c>, <c>hospitals</c>.</param>
/// <param name="Location">Where it is.</param>
public sealed record CameraInfo(string CameraId, string Name, string DeviceGroup, GeoPoint? Location);
