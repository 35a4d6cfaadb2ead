namespace Luohu.Hub.Sdk.Families;

/// <summary>Asks to match a face.</summary>
/// <param name="GalleryId">The gallery to search, e.g. <c>missing-persons</c>.</param>
/// <param name="FaceId">A face id from a <see cref="CameraEvent"/>, or an image reference the engine can fetch.</param>
/// <param name="TopK">How many candidates at most.</param>
/// <param name="Threshold">The lowest score to report, 0 to 1.</param>
public sealed record FaceMatchRequest(string GalleryId, string FaceId, int TopK = 5, double Threshold = 0.8);
