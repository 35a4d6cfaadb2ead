namespace Luohu.Hub.Samples.AiModels.Text;

/// <summary>
/// A vendor's complaint classifier, trained on first use from the training part of the labelled set (the held-out part
/// is never seen in training), with its accuracy on the held-out part measured once, for the vendor's health report.
/// </summary>
public sealed class ComplaintModel
{
    private readonly Lazy<(ITextClassifier Classifier, double HeldOutAccuracy, int Trained, int HeldOut)> _model;

    public ComplaintModel(Func<LabelledSet> set, Func<IReadOnlyList<LabelledText>, ITextClassifier> train)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(train);
        _model = new(() =>
        {
            var data = set();
            var classifier = train(data.Training);
            return (classifier, data.Accuracy(classifier), data.Training.Count, data.HeldOut.Count);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ITextClassifier Classifier => _model.Value.Classifier;

    public double HeldOutAccuracy => _model.Value.HeldOutAccuracy;

    public int TrainingExamples => _model.Value.Trained;

    public int HeldOutExamples => _model.Value.HeldOut;
}
