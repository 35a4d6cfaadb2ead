using Luohu.Hub.Samples.AiModels.Faces;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.AiWutong;

/// <summary>Bad input is the caller's: each check names the field and what to send instead.</summary>
internal static class RequestChecks
{
    public const int MaxComplaintLength = 4000;

    public static void Complaint(ComplaintClassificationRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw new CapabilityInputException("text", "The complaint text is empty; send what the citizen wrote.");
        }

        if (request.Text.Length > MaxComplaintLength)
        {
            throw new CapabilityInputException("text", $"The complaint has {request.Text.Length} characters; at most {MaxComplaintLength} are classified. Send the first part.");
        }
    }

    public static void Face(FaceMatchRequest request, FaceMatcher faces)
    {
        if (string.IsNullOrWhiteSpace(request.GalleryId) || !faces.HasGallery(request.GalleryId))
        {
            throw new CapabilityInputException("galleryId", $"Unknown gallery '{request.GalleryId}'. Galleries: {string.Join(", ", faces.Galleries)}.");
        }

        if (!SimulatedFaces.IsFaceId(request.FaceId))
        {
            throw new CapabilityInputException("faceId", $"'{request.FaceId}' is not a face id; use the faceId of a camera's face event (face-…).");
        }

        if (request.TopK is < 1 or > 50)
        {
            throw new CapabilityInputException("topK", $"topK {request.TopK} is outside 1 to 50.");
        }

        if (request.Threshold is < 0 or > 1 || double.IsNaN(request.Threshold))
        {
            throw new CapabilityInputException("threshold", $"threshold {request.Threshold} is outside 0 to 1.");
        }
    }
}
