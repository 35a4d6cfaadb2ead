namespace Luohu.Hub.Sdk.Families;

/// <summary>A filter for <see cref="ICameraSource.ListCamerasAsync"/>.</summary>
/// <param name="DeviceGroup">Only cameras of this group (e.g. <c>school-gates</c>); null for all the caller may see.</param>
public sealed record CameraListRequest(string? DeviceGroup = null);
