using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows.Inputs;

/// <summary>
/// Which JSON strings become <see cref="DateTime"/> when a RulesEngine input is read, as Json.NET's default reader
/// (the usual way .NET systems hand JSON to RulesEngine) does: ISO 8601 <c>yyyy-MM-ddTHH:mm:ss</c> with up to seven
/// fraction digits and an optional <c>Z</c> or offset (19 to 40 characters), and Microsoft's <c>/Date(ms)/</c>.
/// <c>Z</c> gives UTC, an offset gives local time, neither gives an unspecified kind.
/// </summary>
internal static class JsonDates
{
    /// <summary>Whether <paramref name="value"/>, a JSON string, could be a date; read without building the string when it is parsed JSON.</summary>
    public static bool MayBeDate(JsonValue value)
    {
        if (!value.TryGetValue(out JsonElement element))
        {
            return true;
        }

        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length < 2 || raw.IndexOf((byte)'\\') >= 0)
        {
            return true;
        }

        var text = raw[1..^1];
        return (text.Length is >= 19 and <= 40 && char.IsAsciiDigit((char)text[0]) && text[10] == (byte)'T') || (text.Length > 0 && text[0] == (byte)'/');
    }

    public static bool TryParse(string text, out DateTime value)
    {
        value = default;
        if (text.Length >= 19 && text.Length <= 40 && char.IsAsciiDigit(text[0]) && text[10] == 'T')
        {
            return TryParseIso(text, out value);
        }

        return text.StartsWith("/Date(", StringComparison.Ordinal) && text.EndsWith(")/", StringComparison.Ordinal) && TryParseMicrosoft(text, out value);
    }

    private static bool TryParseIso(string s, out DateTime value)
    {
        value = default;
        if (!Digits(s, 0, 4, out var year) || year < 1 || s[4] != '-' || !Digits(s, 5, 2, out var month) || month is < 1 or > 12
            || s[7] != '-' || !Digits(s, 8, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month)
            || !Digits(s, 11, 2, out var hour) || hour > 24 || s[13] != ':' || !Digits(s, 14, 2, out var minute) || minute > 59
            || s[16] != ':' || !Digits(s, 17, 2, out var second) || second > 59 || (hour == 24 && (minute != 0 || second != 0)))
        {
            return false;
        }

        var at = 19;
        long ticks = 0;
        if (at < s.Length && s[at] == '.')
        {
            var digits = 0;
            for (at++; at < s.Length && digits < 7 && char.IsAsciiDigit(s[at]); at++, digits++)
            {
                ticks = (ticks * 10) + (s[at] - '0');
            }

            if (digits == 0 || (hour == 24 && ticks != 0))
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                ticks *= 10;
            }
        }

        var kind = DateTimeKind.Unspecified;
        var offset = TimeSpan.Zero;
        if (at < s.Length)
        {
            if (s[at] is 'Z' or 'z')
            {
                kind = DateTimeKind.Utc;
                at++;
            }
            else if (s[at] is '+' or '-' && Digits(s, at + 1, 2, out var zoneHour))
            {
                var sign = s[at] == '-' ? -1 : 1;
                at += 3;
                var zoneMinute = 0;
                if (at < s.Length && s[at] == ':')
                {
                    at++;
                }

                if (Digits(s, at, 2, out var minutes))
                {
                    zoneMinute = minutes;
                    at += 2;
                }

                kind = DateTimeKind.Local;
                offset = new TimeSpan(sign * zoneHour, sign * zoneMinute, 0);
            }
        }

        if (at != s.Length)
        {
            return false;
        }

        var clock = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(second).AddTicks(ticks);
        value = kind switch
        {
            DateTimeKind.Utc => DateTime.SpecifyKind(clock, DateTimeKind.Utc),
            DateTimeKind.Local => new DateTime(Math.Clamp(clock.Ticks - offset.Ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc).ToLocalTime(),
            _ => clock,
        };
        return true;
    }

    private static bool TryParseMicrosoft(string s, out DateTime value)
    {
        value = default;
        var body = s.AsSpan(6, s.Length - 8);
        var zone = body.IndexOfAny('+', '-');
        if (zone == 0)
        {
            zone = body[1..].IndexOfAny('+', '-') is var next and >= 0 ? next + 1 : -1;
        }

        var ms = zone > 0 ? body[..zone] : body;
        if (!long.TryParse(ms, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return false;
        }

        var utc = DateTime.UnixEpoch.AddMilliseconds(milliseconds);
        value = zone > 0 ? utc.ToLocalTime() : utc;
        return true;
    }

    private static bool Digits(string s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
