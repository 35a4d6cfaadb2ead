namespace Luohu.Hub.Sdk.Families;

/// <summary>Where a snapshot can be fetched by those allowed to.</summary>
/// <param name="CameraId">The camera.</param>
/// <param name="Uri">The vendor's address of the image.</param>
/// <param name="ContentType">The image's media type.</param>
/// <param name="CapturedAt">When it was taken.</param>
public sealed record SnapshotReference(string CameraId, Uri Uri, string ContentType, DateTimeOffset CapturedAt);
