using Luohu.Hub.Samples.AiModels.Faces;
using Luohu.Hub.Samples.AiModels.Text;

namespace Luohu.Hub.Plugins.AiPengcheng;

/// <summary>The engine's models: trained once per load, on first use.</summary>
internal sealed class PengchengModels(PengchengOptions options)
{
    public const double FaceModelNoise = 1.0;

    public ComplaintModel Complaints { get; } = new(
        () => options.TrainingSetPath is null ? LabelledSet.District() : LabelledSet.Load(options.TrainingSetPath),
        examples => NaiveBayesClassifier.Train(examples, minOrder: 1, maxOrder: 2, alpha: 1.0));

    public FaceMatcher Faces { get; } = new("pengcheng", FaceModelNoise);
}
