using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Sdk.Families;

/// <summary>A vendor's AI engine: face matching against a gallery, classification of citizen complaints.</summary>
public interface IAiEngine
{
    /// <summary>Matches a face against a gallery.</summary>
    /// <param name="request">The face and gallery.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CapabilityInputException">The gallery is unknown or the image unusable.</exception>
    [Capability(StandardCapabilities.AiMatchFace, "Match a face", Sensitive = true)]
    ValueTask<FaceMatchResult> MatchFaceAsync(FaceMatchRequest request, CancellationToken cancellationToken);

    /// <summary>Classifies a citizen complaint into the department that should handle it.</summary>
    /// <param name="request">The complaint text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Capability(StandardCapabilities.AiClassifyComplaint, "Classify a complaint")]
    ValueTask<ComplaintClassification> ClassifyComplaintAsync(ComplaintClassificationRequest request, CancellationToken cancellationToken);
}
