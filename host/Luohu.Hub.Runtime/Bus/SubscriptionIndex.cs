namespace Luohu.Hub.Runtime.Bus;

/// <summary>
/// An immutable snapshot of the subscriptions, indexed by literal first level so that a publish looks at
/// the subscriptions of its first level plus those starting with a wildcard, not at all of them.
/// Rebuilt on every subscribe/unsubscribe (copy-on-write): publishes never lock.
/// </summary>
internal sealed class SubscriptionIndex
{
    private readonly Dictionary<string, Subscription[]> _byFirstLevel;
    private readonly Dictionary<string, Subscription[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SubscriptionIndex(Subscription[] all)
    {
        All = all;
        _byFirstLevel = all
            .Where(s => !s.Filter.FirstLevelIsWildcard)
            .GroupBy(s => s.Filter.FirstLevel!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _lookup = _byFirstLevel.GetAlternateLookup<ReadOnlySpan<char>>();
        Wildcard = [.. all.Where(s => s.Filter.FirstLevelIsWildcard)];
    }

    public static SubscriptionIndex Empty { get; } = new([]);

    public Subscription[] All { get; }

    /// <summary>Subscriptions whose filter starts with <c>+</c> or <c>#</c>: candidates for every topic.</summary>
    public Subscription[] Wildcard { get; }

    public Subscription[] ForFirstLevel(ReadOnlySpan<char> topic)
    {
        var slash = topic.IndexOf('/');
        var first = slash < 0 ? topic : topic[..slash];
        return _lookup.TryGetValue(first, out var subscriptions) ? subscriptions : [];
    }

    public SubscriptionIndex With(Subscription subscription) => new([.. All, subscription]);

    public SubscriptionIndex Without(Subscription subscription) => new([.. All.Where(s => s != subscription)]);
}
