using System.Globalization;

namespace Luohu.Hub.Samples.AiModels.Faces;

/// <summary>
/// The district's simulated faces, the same for every vendor (they look at the same image): a face id
/// <c>face-{subject}-{n}</c> is the n-th sighting of a gallery subject (<c>face-MP-007-3</c>), <c>face-x{n}</c> a
/// passer-by in no gallery. A sighting's appearance is the subject's own vector plus what differs from one photo to the
/// next (angle, light); a vendor's engine sees it through its own model error (<see cref="Embed"/>).
/// </summary>
public static class SimulatedFaces
{
    public const int Dimensions = 64;

    // How much one photo of a person differs from another, relative to the difference between two people.
    private const double SightingNoise = 0.35;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Galleries { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["missing-persons"] = [.. Enumerable.Range(1, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"MP-{i:000}"))],
        ["wanted"] = [.. Enumerable.Range(1, 25).Select(i => string.Create(CultureInfo.InvariantCulture, $"WP-{i:000}"))],
    };

    /// <summary>True when <paramref name="faceId"/> has the form of a face id.</summary>
    public static bool IsFaceId(string? faceId) => faceId is not null && faceId.StartsWith("face-", StringComparison.Ordinal) && faceId.Length > 6;

    /// <summary>The gallery subject a face id is a sighting of, or null for a passer-by.</summary>
    public static string? SubjectOf(string faceId)
    {
        ArgumentNullException.ThrowIfNull(faceId);
        var body = faceId["face-".Length..];
        var last = body.LastIndexOf('-');
        return last > 0 ? body[..last] : null;
    }

    /// <summary>A subject's reference vector in the gallery, as enrolled from a good photo.</summary>
    public static double[] Reference(string subjectId) => Normalize(Gaussian(Hash("subject:" + subjectId), 1.0));

    /// <summary>What a vendor's model makes of a face: its appearance plus the model's error (<paramref name="modelNoise"/>).</summary>
    public static double[] Embed(string faceId, string vendor, double modelNoise)
    {
        ArgumentNullException.ThrowIfNull(faceId);
        var subject = SubjectOf(faceId);
        var appearance = subject is null
            ? Gaussian(Hash("stranger:" + faceId), 1.0)
            : Add(Reference(subject), Gaussian(Hash("sighting:" + faceId), SightingNoise / Math.Sqrt(Dimensions)));
        return Normalize(Add(Normalize(appearance), Gaussian(Hash(vendor + ":" + faceId), modelNoise / Math.Sqrt(Dimensions))));
    }

    /// <summary>Cosine similarity mapped to 0..1 the way vendors report a score.</summary>
    public static double Score(double[] a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var dot = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return Math.Clamp((dot + 1) / 2, 0, 1);
    }

    private static double[] Gaussian(int seed, double sigma)
    {
        var random = new Random(seed);
        var v = new double[Dimensions];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        return v;
    }

    private static double[] Add(double[] a, double[] b) => [.. a.Select((x, i) => x + b[i])];

    private static double[] Normalize(double[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    // FNV-1a: string.GetHashCode differs per process, and the faces must be the same in every vendor and every run.
    private static int Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
