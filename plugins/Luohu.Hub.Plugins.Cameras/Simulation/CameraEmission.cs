using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Cameras.Simulation;

/// <summary>What one tick has the cameras send: a detection or a status change, on its topic.</summary>
/// <param name="Topic">The concrete topic.</param>
/// <param name="Event">A detection, or null.</param>
/// <param name="Status">A status change, or null.</param>
internal sealed record CameraEmission(string Topic, CameraEvent? Event, CameraStatus? Status);
