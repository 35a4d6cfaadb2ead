namespace Luohu.Hub.Samples.AiModels.Faces;

/// <summary>One vendor's face model over the simulated galleries: its own model error, the galleries enrolled once.</summary>
public sealed class FaceMatcher
{
    private readonly string _vendor;
    private readonly double _modelNoise;
    private readonly Dictionary<string, (string Subject, double[] Vector)[]> _galleries;

    public FaceMatcher(string vendor, double modelNoise)
    {
        _vendor = vendor;
        _modelNoise = modelNoise;
        _galleries = SimulatedFaces.Galleries.ToDictionary(
            g => g.Key, g => g.Value.Select(s => (s, SimulatedFaces.Reference(s))).ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Galleries => _galleries.Keys;

    public bool HasGallery(string galleryId) => _galleries.ContainsKey(galleryId);

    /// <summary>The subjects of <paramref name="galleryId"/> scoring at least <paramref name="threshold"/>, best first.</summary>
    public IReadOnlyList<(string Subject, double Score)> Match(string galleryId, string faceId, int topK, double threshold)
    {
        var probe = SimulatedFaces.Embed(faceId, _vendor, _modelNoise);
        return [.. _galleries[galleryId]
            .Select(s => (s.Subject, Score: Math.Round(SimulatedFaces.Score(probe, s.Vector), 4)))
            .Where(m => m.Score >= threshold)
            .OrderByDescending(m => m.Score)
            .Take(topK)];
    }
}
