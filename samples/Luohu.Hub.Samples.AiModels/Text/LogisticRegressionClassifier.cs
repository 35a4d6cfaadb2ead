namespace Luohu.Hub.Samples.AiModels.Text;

/// <summary>
/// Multinomial logistic regression (softmax) over L2-normalised character n-gram counts, trained by stochastic gradient
/// descent with a decaying step and light L2 regularisation; the shuffle is seeded, so a training run is reproducible.
/// </summary>
public sealed class LogisticRegressionClassifier : ITextClassifier
{
    private readonly int _minOrder;
    private readonly int _maxOrder;
    private readonly string[] _labels;
    private readonly double[] _bias;
    private readonly Dictionary<string, double[]> _weights;

    private LogisticRegressionClassifier(int minOrder, int maxOrder, string[] labels, double[] bias, Dictionary<string, double[]> weights)
    {
        _minOrder = minOrder;
        _maxOrder = maxOrder;
        _labels = labels;
        _bias = bias;
        _weights = weights;
    }

    public int Features => _weights.Count;

    public static LogisticRegressionClassifier Train(
        IReadOnlyList<LabelledText> examples, int minOrder, int maxOrder, int epochs = 30, double step = 0.5, double l2 = 1e-4, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var weights = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var bias = new double[labels.Length];
        var data = examples.Select(e => (Label: index[e.Label], Features: Featurize(e.Text, minOrder, maxOrder))).ToArray();
        foreach (var (_, features) in data)
        {
            foreach (var (gram, _) in features)
            {
                weights.TryAdd(gram, new double[labels.Length]);
            }
        }

        var random = new Random(seed);
        var probabilities = new double[labels.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(data);
            var eta = step / (1 + (epoch * 0.1));
            foreach (var (label, features) in data)
            {
                Scores(features, weights, bias, probabilities);
                ToProbabilities(probabilities);
                for (var k = 0; k < labels.Length; k++)
                {
                    var gradient = probabilities[k] - (k == label ? 1 : 0);
                    bias[k] -= eta * gradient;
                    foreach (var (gram, value) in features)
                    {
                        var w = weights[gram];
                        w[k] -= eta * ((gradient * value) + (l2 * w[k]));
                    }
                }
            }
        }

        return new LogisticRegressionClassifier(minOrder, maxOrder, labels, bias, weights);
    }

    public IReadOnlyList<(string Label, double Probability)> Classify(string text)
    {
        var scores = new double[_labels.Length];
        Scores(Featurize(text, _minOrder, _maxOrder), _weights, _bias, scores);
        return Softmax.Rank(_labels, scores);
    }

    private static (string Gram, double Value)[] Featurize(string text, int minOrder, int maxOrder)
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var gram in CharNGrams.Of(text, minOrder, maxOrder))
        {
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        var norm = Math.Sqrt(counts.Values.Sum(v => v * v));
        return [.. counts.Select(c => (c.Key, norm == 0 ? 0 : c.Value / norm))];
    }

    private static void Scores((string Gram, double Value)[] features, Dictionary<string, double[]> weights, double[] bias, double[] into)
    {
        Array.Copy(bias, into, bias.Length);
        foreach (var (gram, value) in features)
        {
            if (weights.TryGetValue(gram, out var w))
            {
                for (var k = 0; k < into.Length; k++)
                {
                    into[k] += w[k] * value;
                }
            }
        }
    }

    private static void ToProbabilities(double[] scores)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] = Math.Exp(scores[k] - max);
            sum += scores[k];
        }

        for (var k = 0; k < scores.Length; k++)
        {
            scores[k] /= sum;
        }
    }
}
