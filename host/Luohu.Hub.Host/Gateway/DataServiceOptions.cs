namespace Luohu.Hub.Host.Gateway;

/// <summary>Caching of the data services (<c>Hub:Gateway:Data</c>).</summary>
internal sealed class DataServiceOptions
{
    /// <summary>
    /// Longest a cached answer is served after its dataset changed. Default 1 s: the parking dataset changes
    /// hundreds of times a second, so rebuilding per version would mean serializing on nearly every request.
    /// Zero rebuilds on every change.
    /// </summary>
    public TimeSpan CacheRefresh { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>Cache-Control: private, max-age</c> clients may keep an answer. Default 5 s.</summary>
    public int MaxAgeSeconds { get; set; } = 5;
}
