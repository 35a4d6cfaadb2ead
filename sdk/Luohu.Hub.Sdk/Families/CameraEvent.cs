namespace Luohu.Hub.Sdk.Families;

/// <summary>A detection by a camera, emitted on <c>cameras/{deviceGroup}/{cameraId}/{kind}</c>.</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="DeviceGroup">The camera's device group.</param>
/// <param name="Kind">What was detected.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Confidence">The detector's confidence, 0 to 1.</param>
/// <param name="FaceId">For <see cref="CameraEventKind.Face"/>: an id usable with <c>ai.match-face</c>.</param>
/// <param name="Person">For <see cref="CameraEventKind.Person"/>: the person's attributes.</param>
/// <param name="Plate">For <see cref="CameraEventKind.Plate"/> and <see cref="CameraEventKind.Honking"/>: the plate.</param>
/// <param name="SoundLevelDb">For <see cref="CameraEventKind.Honking"/>: the measured level in dB(A).</param>
/// <param name="Snapshot">A snapshot of the moment, when taken.</param>
public sealed record CameraEvent(
    string CameraId,
    string DeviceGroup,
    CameraEventKind Kind,
    DateTimeOffset Timestamp,
    double Confidence,
    string? FaceId = null,
    PersonAttributes? Person = null,
    string? Plate = null,
    double? SoundLevelDb = null,
    SnapshotReference? Snapshot = null);
