using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Luohu.Hub.Runtime.Bus;

/// <summary>
/// An MQTT topic filter: levels split by <c>/</c>, <c>+</c> matches exactly one level (an empty one too),
/// <c>#</c> matches the parent level and any number of levels below it and may only be the last level.
/// As in MQTT, a filter whose first level is a wildcard does not match topics starting with <c>$</c>
/// (<c>$SYS/...</c>): those are reachable only by filters that name them. Immutable and thread-safe.
/// </summary>
internal sealed class TopicFilter
{
    /// <summary>The longest topic or filter accepted, in UTF-8 bytes (the MQTT limit).</summary>
    public const int MaxLength = 65_535;

    private readonly string[] _levels;
    private readonly LevelKind[] _kinds;

    private TopicFilter(string filter, string[] levels, LevelKind[] kinds)
    {
        Filter = filter;
        _levels = levels;
        _kinds = kinds;
        FirstLevelIsWildcard = kinds[0] != LevelKind.Literal;
        FirstLevel = FirstLevelIsWildcard ? null : levels[0];
    }

    private enum LevelKind : byte
    {
        Literal,
        SingleLevel,
        MultiLevel,
    }

    /// <summary>The filter text as given.</summary>
    public string Filter { get; }

    /// <summary>The literal first level, or <see langword="null"/> when it is <c>+</c> or <c>#</c>.</summary>
    public string? FirstLevel { get; }

    public bool FirstLevelIsWildcard { get; }

    /// <summary>Parses a filter; throws <see cref="ArgumentException"/> saying what is wrong and at which level.</summary>
    public static TopicFilter Parse(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return TryParse(filter, out var parsed, out var error) ? parsed : throw new ArgumentException(error, nameof(filter));
    }

    public static bool TryParse(string? filter, [NotNullWhen(true)] out TopicFilter? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        error = CheckCommon(filter, "topic filter");
        if (error is not null)
        {
            return false;
        }

        var levels = filter!.Split('/');
        var kinds = new LevelKind[levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level == "#")
            {
                if (i != levels.Length - 1)
                {
                    error = $"Topic filter '{filter}': '#' at level {i} must be the last level (use '+' for one level in the middle).";
                    return false;
                }

                kinds[i] = LevelKind.MultiLevel;
            }
            else if (level == "+")
            {
                kinds[i] = LevelKind.SingleLevel;
            }
            else if (level.AsSpan().IndexOfAny('+', '#') >= 0)
            {
                error = $"Topic filter '{filter}': level {i} ('{level}') mixes a wildcard with other characters; '+' and '#' must stand alone in their level.";
                return false;
            }
        }

        parsed = new TopicFilter(filter, levels, kinds);
        return true;
    }

    /// <summary>Returns why <paramref name="topic"/> is not a valid topic to publish on, or <see langword="null"/> when it is.</summary>
    public static string? ValidateTopic(string? topic)
    {
        var error = CheckCommon(topic, "topic");
        if (error is not null)
        {
            return error;
        }

        var wildcard = topic.AsSpan().IndexOfAny('+', '#');
        if (wildcard >= 0)
        {
            var level = topic.AsSpan(0, wildcard).Count('/');
            return $"Topic '{topic}': level {level} contains the wildcard '{topic![wildcard]}'; wildcards belong in subscriptions, a published topic names one concrete level each.";
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="topic"/> cannot be published on.</summary>
    public static void ThrowIfInvalidTopic(string? topic, string? paramName = null)
    {
        var error = ValidateTopic(topic);
        if (error is not null)
        {
            throw new ArgumentException(error, paramName ?? nameof(topic));
        }
    }

    /// <summary>True when the (valid, wildcard-free) <paramref name="topic"/> matches this filter. Allocates nothing.</summary>
    public bool Matches(string topic) => Matches(topic.AsSpan());

    /// <inheritdoc cref="Matches(string)"/>
    public bool Matches(ReadOnlySpan<char> topic)
    {
        if (FirstLevelIsWildcard && !topic.IsEmpty && topic[0] == '$')
        {
            return false;
        }

        var rest = topic;
        var exhausted = false;
        for (var i = 0; i < _levels.Length; i++)
        {
            var kind = _kinds[i];
            if (kind == LevelKind.MultiLevel)
            {
                return true;
            }

            if (exhausted)
            {
                return false;
            }

            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            if (kind == LevelKind.Literal && !segment.SequenceEqual(_levels[i]))
            {
                return false;
            }

            if (slash < 0)
            {
                exhausted = true;
                rest = default;
            }
            else
            {
                rest = rest[(slash + 1)..];
            }
        }

        return exhausted;
    }

    public override string ToString() => Filter;

    private static string? CheckCommon(string? value, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            return $"The {what} is empty; give at least one level, e.g. 'sensors/parking/+/occupancy'.";
        }

        var nul = value!.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            return $"The {what} '{value.Replace('\0', '?')}' contains a NUL character at level {value.AsSpan(0, nul).Count('/')}; MQTT forbids it.";
        }

        if (value.Length > MaxLength / 3 && Encoding.UTF8.GetByteCount(value) > MaxLength)
        {
            return $"The {what} starting '{value[..40]}…' is longer than {MaxLength} UTF-8 bytes (the MQTT limit); shorten it.";
        }

        return null;
    }
}
