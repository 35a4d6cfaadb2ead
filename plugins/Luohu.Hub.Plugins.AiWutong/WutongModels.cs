using Luohu.Hub.Samples.AiModels.Faces;
using Luohu.Hub.Samples.AiModels.Text;

namespace Luohu.Hub.Plugins.AiWutong;

/// <summary>The engine's models: trained once per load, on first use.</summary>
internal sealed class WutongModels(WutongOptions options)
{
    public const double FaceModelNoise = 0.3;

    public ComplaintModel Complaints { get; } = new(
        () => options.TrainingSetPath is null ? LabelledSet.District() : LabelledSet.Load(options.TrainingSetPath),
        examples => LogisticRegressionClassifier.Train(examples, minOrder: 1, maxOrder: 3));

    public FaceMatcher Faces { get; } = new("wutong", FaceModelNoise);
}
