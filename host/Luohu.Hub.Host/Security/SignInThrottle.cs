using Luohu.Hub.Runtime.Security;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Who may try a password now, decided before any hashing or auditing. Three bounds, none of which a stranger can turn
/// against a named account: an address may try <see cref="SecurityOptions.SignInAttemptsPerMinute"/> times a minute
/// (hashing is deliberately slow, so this also keeps one client from taking the cores); a name tried from one address
/// is held back after <see cref="SecurityOptions.LockoutThreshold"/> failures for <see cref="SecurityOptions.LockoutDuration"/>,
/// from that address only, so a stranger's failures never lock the owner out from theirs; and a name failing from many
/// addresses at once (<see cref="SecurityOptions.AccountFailuresBeforeSlowdown"/> in a lockout period) is slowed to one
/// try every <see cref="SecurityOptions.AccountSlowdownInterval"/>, which stops guessing and still lets the owner in.
/// Existing and unknown names are treated alike, so the answers tell nothing about which accounts exist. In memory and
/// bounded (<see cref="MaxEntries"/>): a restart forgets it, and a flood of new names or addresses evicts the oldest.
/// </summary>
internal sealed class SignInThrottle(TimeProvider time, IOptions<SecurityOptions> options)
{
    /// <summary>Most addresses, names and pairs remembered at once.</summary>
    public const int MaxEntries = 20_000;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly object _sync = new();
    private readonly Dictionary<string, Window> _entries = new(StringComparer.Ordinal);

    /// <summary>When this attempt may not go ahead: the time to come back; null when it may.</summary>
    public DateTimeOffset? Admit(string address, string name)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        lock (_sync)
        {
            var perAddress = Get("a|" + address, now, Minute);
            if (perAddress.Count >= settings.SignInAttemptsPerMinute)
            {
                return perAddress.Start + Minute;
            }

            var pair = Get(PairKey(address, name), now, settings.LockoutDuration);
            if (pair.LockedUntil is { } until && until > now)
            {
                return until;
            }

            var account = Get(AccountKey(name), now, settings.LockoutDuration);
            if (account.Count >= settings.AccountFailuresBeforeSlowdown && account.Last + settings.AccountSlowdownInterval > now)
            {
                return account.Last + settings.AccountSlowdownInterval;
            }

            perAddress.Count++;
            account.Last = now;
            return null;
        }
    }

    /// <summary>Counts a failure of <paramref name="name"/> from <paramref name="address"/>; the end of the pair's hold when this failure starts one.</summary>
    public DateTimeOffset? Failed(string address, string name)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        lock (_sync)
        {
            Get(AccountKey(name), now, settings.LockoutDuration).Count++;
            var pair = Get(PairKey(address, name), now, settings.LockoutDuration);
            if (++pair.Count < settings.LockoutThreshold)
            {
                return null;
            }

            pair.Count = 0;
            pair.LockedUntil = now + settings.LockoutDuration;
            return pair.LockedUntil;
        }
    }

    /// <summary>The right password from this address: its pair starts clean.</summary>
    public void Succeeded(string address, string name)
    {
        lock (_sync)
        {
            _entries.Remove(PairKey(address, name));
        }
    }

    private static string PairKey(string address, string name) => "p|" + address + "|" + name.ToUpperInvariant();

    private static string AccountKey(string name) => "n|" + name.ToUpperInvariant();

    /// <summary>The entry for <paramref name="key"/>, started afresh when its period has passed.</summary>
    private Window Get(string key, DateTimeOffset now, TimeSpan period)
    {
        if (_entries.TryGetValue(key, out var window) && (window.Start + period > now || window.LockedUntil > now))
        {
            return window;
        }

        if (_entries.Count >= MaxEntries && window is null)
        {
            Evict(now);
        }

        window = new Window { Start = now };
        _entries[key] = window;
        return window;
    }

    private void Evict(DateTimeOffset now)
    {
        var horizon = now - options.Value.LockoutDuration;
        foreach (var (key, entry) in _entries.Where(e => e.Value.Start < horizon && !(e.Value.LockedUntil > now)).ToList())
        {
            _entries.Remove(key);
        }

        if (_entries.Count >= MaxEntries)
        {
            foreach (var key in _entries.OrderBy(e => e.Value.Start).Take(_entries.Count / 2).Select(e => e.Key).ToList())
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; init; }
        public int Count { get; set; }
        public DateTimeOffset Last { get; set; }
        public DateTimeOffset? LockedUntil { get; set; }
    }
}
