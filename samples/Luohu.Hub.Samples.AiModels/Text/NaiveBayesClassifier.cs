namespace Luohu.Hub.Samples.AiModels.Text;

/// <summary>Multinomial naive Bayes over character n-grams with additive (Lidstone) smoothing.</summary>
public sealed class NaiveBayesClassifier : ITextClassifier
{
    private readonly int _minOrder;
    private readonly int _maxOrder;
    private readonly string[] _labels;
    private readonly double[] _logPriors;
    private readonly Dictionary<string, double[]> _logLikelihoods;

    private NaiveBayesClassifier(int minOrder, int maxOrder, string[] labels, double[] logPriors, Dictionary<string, double[]> logLikelihoods)
    {
        _minOrder = minOrder;
        _maxOrder = maxOrder;
        _labels = labels;
        _logPriors = logPriors;
        _logLikelihoods = logLikelihoods;
    }

    public int Features => _logLikelihoods.Count;

    public static NaiveBayesClassifier Train(IReadOnlyList<LabelledText> examples, int minOrder, int maxOrder, double alpha)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var totals = new double[labels.Length];
        var documents = new double[labels.Length];
        foreach (var example in examples)
        {
            var k = index[example.Label];
            documents[k]++;
            foreach (var gram in CharNGrams.Of(example.Text, minOrder, maxOrder))
            {
                if (!counts.TryGetValue(gram, out var row))
                {
                    counts[gram] = row = new double[labels.Length];
                }

                row[k]++;
                totals[k]++;
            }
        }

        var vocabulary = counts.Count;
        var denominators = totals.Select(t => Math.Log(t + (alpha * vocabulary))).ToArray();
        var logLikelihoods = counts.ToDictionary(
            c => c.Key, c => c.Value.Select((n, k) => Math.Log(n + alpha) - denominators[k]).ToArray(), StringComparer.Ordinal);
        var priors = documents.Select(d => Math.Log(d / examples.Count)).ToArray();
        return new NaiveBayesClassifier(minOrder, maxOrder, labels, priors, logLikelihoods);
    }

    public IReadOnlyList<(string Label, double Probability)> Classify(string text)
    {
        var scores = (double[])_logPriors.Clone();
        foreach (var gram in CharNGrams.Of(text, _minOrder, _maxOrder))
        {
            // An n-gram never seen in training is skipped: it says nothing about the department.
            if (_logLikelihoods.TryGetValue(gram, out var row))
            {
                for (var k = 0; k < scores.Length; k++)
                {
                    scores[k] += row[k];
                }
            }
        }

        return Softmax.Rank(_labels, scores);
    }
}
