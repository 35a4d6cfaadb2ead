namespace Luohu.Hub.Samples.AiModels.Text;

/// <summary>Scores (log-probabilities or logits) to probabilities, ranked best first.</summary>
internal static class Softmax
{
    public static IReadOnlyList<(string Label, double Probability)> Rank(string[] labels, double[] scores)
    {
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = exp.Sum();
        return [.. labels.Select((l, k) => (l, exp[k] / sum)).OrderByDescending(p => p.Item2)];
    }
}
