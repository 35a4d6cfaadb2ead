using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Luohu.Hub.Runtime.Datasets;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Gateway;

/// <summary>
/// Pre-serialized answers per (dataset, filter), rebuilt when the dataset's version moved and the entry is older
/// than <see cref="DataServiceOptions.CacheRefresh"/>. One request rebuilds a stale entry while the others keep
/// getting the previous answer, so a burst of readers does not serialize the same 200 KB answer thirty times.
/// </summary>
internal sealed class DatasetResponseCache(TimeProvider time, IOptions<GatewayOptions> options, ILogger<DatasetResponseCache> logger)
{
    /// <summary>Filters are few (areas × statuses); the bound only stops odd query strings from growing the cache.</summary>
    private const int MaxEntries = 512;

    // Versions restart at zero with the process; the epoch keeps an ETag of an earlier run from matching by accident.
    private readonly string _epoch = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly ConcurrentDictionary<string, CachedResponse> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _building = new(StringComparer.Ordinal);

    public CachedResponse GetOrBuild(DatasetSnapshot snapshot, string filter, Func<DatasetSnapshot, byte[]> build)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(build);
        var key = snapshot.Name + "?" + filter;
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached)
            && (cached.Version == snapshot.Version || now - cached.BuiltAt < options.Value.Data.CacheRefresh))
        {
            return cached;
        }

        if (cached is null)
        {
            return Build(snapshot, filter, key, now, build);
        }

        if (!_building.TryAdd(key, 0))
        {
            return cached;
        }

        try
        {
            return Build(snapshot, filter, key, now, build);
        }
        finally
        {
            _building.TryRemove(key, out _);
        }
    }

    private CachedResponse Build(DatasetSnapshot snapshot, string filter, string key, DateTimeOffset now, Func<DatasetSnapshot, byte[]> build)
    {
        var body = build(snapshot);
        var entry = new CachedResponse(snapshot.Version, now, body, ETagOf(key, snapshot.Version));
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = entry;
        GatewayLog.Rebuilt(logger, snapshot.Name, snapshot.Version, body.Length, filter);
        return entry;
    }

    private string ETagOf(string key, long version)
    {
        var filterHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 6));
        return string.Create(CultureInfo.InvariantCulture, $"\"{_epoch}-{version}-{filterHash}\"");
    }
}
