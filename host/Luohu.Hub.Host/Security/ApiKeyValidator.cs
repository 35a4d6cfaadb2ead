using System.Collections.Concurrent;
using Luohu.Hub.Runtime.Security;
using Luohu.Hub.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Checks <c>X-Api-Key</c> tokens. Stored keys are cached briefly by prefix so a busy consumer costs no database
/// read per request (only keys that exist: the cache is as large as the store's keys, whatever strangers send); a revoke in this process evicts at once, and the last-used time is written at most once per
/// <see cref="SecurityOptions.KeyLastUsedInterval"/>.
/// </summary>
internal sealed class ApiKeyValidator(ISecurityStore store, TimeProvider time, IOptions<SecurityOptions> options)
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (ApiKey? Key, DateTimeOffset LoadedAt)> _byPrefix = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new(StringComparer.Ordinal);

    /// <summary>The key, or why it is refused (safe to show: it never echoes the secret).</summary>
    public async Task<(ApiKey? Key, string? Failure)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!ApiKeyTokens.TryParse(token, out var prefix, out var secret))
        {
            return (null, "The X-Api-Key header is not a Luohu Hub key (lh_{prefix}_{secret}).");
        }

        var now = time.GetUtcNow();
        if (!_byPrefix.TryGetValue(prefix, out var cached) || now - cached.LoadedAt > CacheLifetime)
        {
            cached = (await store.FindKeyByPrefixAsync(prefix, cancellationToken), now);
            if (cached.Key is not null)
            {
                // Only keys that exist are kept: made-up prefixes from strangers must not grow the cache.
                _byPrefix[prefix] = cached;
            }
        }

        var key = cached.Key;
        if (key is null || !ApiKeyTokens.Matches(secret, key.SecretHash))
        {
            return (null, "The API key is unknown.");
        }

        if (key.RevokedAt is not null)
        {
            return (null, $"The API key '{key.Name}' was revoked; create a new one with POST /api/v1/keys.");
        }

        if (key.ExpiresAt is { } expiry && expiry <= now)
        {
            return (null, $"The API key '{key.Name}' expired at {expiry:O}; create a new one with POST /api/v1/keys.");
        }

        if (!_lastWritten.TryGetValue(key.Id, out var written) || now - written >= options.Value.KeyLastUsedInterval)
        {
            _lastWritten[key.Id] = now;
            try
            {
                await store.TouchKeyAsync(key.Id, now, cancellationToken);
            }
            catch (Exception ex) when (StorageFull.IsCause(ex))
            {
                // The last-used time is a convenience: a full data folder must not turn every request with a key
                // away (it did, as 500s, in the soak). It is written again at the next interval.
            }
        }

        return (key, null);
    }

    public void Evict(string prefix) => _byPrefix.TryRemove(prefix, out _);
}
