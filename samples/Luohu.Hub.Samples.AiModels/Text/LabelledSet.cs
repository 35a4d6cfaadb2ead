namespace Luohu.Hub.Samples.AiModels.Text;

/// <summary>
/// The labelled complaints (<c>samples/complaints/complaints-12345.tsv</c>: one <c>department&lt;TAB&gt;text</c> a line) and
/// their fixed split: within each department every fifth example is held out, so the held-out part has every department
/// in the same share as the whole and both vendors are measured on the same examples.
/// </summary>
public sealed class LabelledSet
{
    private LabelledSet(IReadOnlyList<LabelledText> training, IReadOnlyList<LabelledText> heldOut)
    {
        Training = training;
        HeldOut = heldOut;
    }

    public IReadOnlyList<LabelledText> Training { get; }

    public IReadOnlyList<LabelledText> HeldOut { get; }

    /// <summary>The district's set as shipped (embedded from <c>samples/complaints/complaints-12345.tsv</c>).</summary>
    public static LabelledSet District()
    {
        using var stream = typeof(LabelledSet).Assembly.GetManifestResourceStream("complaints-12345.tsv")
            ?? throw new InvalidOperationException("The labelled complaints are missing from Luohu.Hub.Samples.AiModels.");
        using var reader = new StreamReader(stream);
        return Parse(reader, "complaints-12345.tsv");
    }

    /// <summary>A set from a file of <c>department&lt;TAB&gt;text</c> lines.</summary>
    public static LabelledSet Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    private static LabelledSet Parse(TextReader reader, string path)
    {
        var examples = new List<LabelledText>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new InvalidDataException($"{path}, line {number}: expected 'department<TAB>text'.");
            }

            examples.Add(new LabelledText(line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }

        return Split(examples);
    }

    public static LabelledSet Split(IReadOnlyList<LabelledText> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var training = new List<LabelledText>();
        var heldOut = new List<LabelledText>();
        foreach (var department in examples.GroupBy(e => e.Label, StringComparer.Ordinal))
        {
            var i = 0;
            foreach (var example in department)
            {
                (i++ % 5 == 4 ? heldOut : training).Add(example);
            }
        }

        return new LabelledSet(training, heldOut);
    }

    /// <summary>The share of held-out examples a classifier labels right.</summary>
    public double Accuracy(ITextClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return HeldOut.Count(e => classifier.Classify(e.Text)[0].Label == e.Label) / (double)HeldOut.Count;
    }
}
