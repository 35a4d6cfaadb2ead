using Luohu.Hub.Samples.AiModels.Faces;
using Luohu.Hub.Samples.AiModels.Text;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.AiWutong;

/// <summary>
/// Wutong's engine: softmax logistic regression on character 1–3-grams for complaints, a data-centre face model (model
/// noise 0.3), both answered from the vendor's cloud: every call waits the simulated round trip
/// (<see cref="WutongOptions.NetworkMilliseconds"/>) before the model runs.
/// </summary>
internal sealed class WutongEngine(WutongModels models, WutongOptions options, TimeProvider time) : IAiEngine
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
        options.NetworkMilliseconds > 0 ? Task.Delay(TimeSpan.FromMilliseconds(options.NetworkMilliseconds), time, cancellationToken) : Task.CompletedTask;
}
