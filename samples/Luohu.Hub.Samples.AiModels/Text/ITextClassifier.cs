namespace Luohu.Hub.Samples.AiModels.Text;

/// <summary>A trained classifier: every label with its probability, best first.</summary>
public interface ITextClassifier
{
    IReadOnlyList<(string Label, double Probability)> Classify(string text);
}
