namespace Luohu.Hub.Sdk.Families;

/// <summary>Cameras.</summary>
/// <param name="Cameras">The cameras.</param>
public sealed record CameraList(IReadOnlyList<CameraInfo> Cameras);
