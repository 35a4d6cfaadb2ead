using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Cameras.Connectors;

/// <summary>Input of <c>camera.simulate</c>: a scene for a drill or a test.</summary>
/// <param name="CameraId">The camera that sees it, e.g. <c>HC-01</c>.</param>
/// <param name="Kind"><c>face</c>, <c>person</c>, <c>plate</c> or <c>honking</c>.</param>
/// <param name="Person">For <c>person</c>: the attributes (elderly, wheelchair, child, walkingAid); none set when left out.</param>
/// <param name="Plate">For <c>plate</c> and <c>honking</c>: the plate, e.g. <c>粤B12345</c>; a random one when left out.</param>
/// <param name="SoundLevelDb">For <c>honking</c>: the level the acoustic array measured, 40 to 140 dB(A); a typical horn when left out.</param>
internal sealed record SimulateSceneRequest(string? CameraId, string? Kind, PersonAttributes? Person = null, string? Plate = null, double? SoundLevelDb = null);
