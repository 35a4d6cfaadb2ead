using Luohu.Hub.Samples.AiModels.Faces;
using Luohu.Hub.Samples.AiModels.Text;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.AiPengcheng;

/// <summary>
/// Pengcheng's engine: multinomial naive Bayes on character 1–2-grams (Lidstone α = 1) for complaints, a compact face
/// model with more error than a data-centre one (model noise 1.0), both answered locally.
/// </summary>
internal sealed class PengchengEngine(PengchengModels models, PengchengOptions options, TimeProvider time) : IAiEngine
{
    public async ValueTask<FaceMatchResult> MatchFaceAsync(FaceMatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestChecks.Face(request, models.Faces);
        await DelayAsync(cancellationToken);
        var matches = models.Faces.Match(request.GalleryId, request.FaceId, request.TopK, request.Threshold);
        return new FaceMatchResult([.. matches.Select(m => new FaceMatch(m.Subject, m.Score))]);
    }

    public async ValueTask<ComplaintClassification> ClassifyComplaintAsync(ComplaintClassificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestChecks.Complaint(request);
        await DelayAsync(cancellationToken);
        var ranked = models.Complaints.Classifier.Classify(request.Text);
        return new ComplaintClassification(
            ranked[0].Label, Math.Round(ranked[0].Probability, 4), [.. ranked.Skip(1).Take(3).Select(r => new DepartmentScore(r.Label, Math.Round(r.Probability, 4)))]);
    }

    private Task DelayAsync(CancellationToken cancellationToken) =>
        options.ExtraLatencyMilliseconds > 0 ? Task.Delay(TimeSpan.FromMilliseconds(options.ExtraLatencyMilliseconds), time, cancellationToken) : Task.CompletedTask;
}
