namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// A manifest's <c>sdk</c> field in NuGet interval notation: <c>[1.0,2.0)</c>, <c>(1.0,)</c>,
/// <c>[1.0]</c> (exactly), or a bare <c>1.0</c> (that version or later).
/// </summary>
internal sealed record SdkVersionRange(Version? Min, bool MinInclusive, Version? Max, bool MaxInclusive)
{
    public bool Includes(Version version)
    {
        if (Min is not null && (MinInclusive ? version < Min : version <= Min))
        {
            return false;
        }

        return Max is null || (MaxInclusive ? version <= Max : version < Max);
    }

    public static bool TryParse(string text, out SdkVersionRange? range)
    {
        range = null;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (s[0] is not ('[' or '('))
        {
            if (!TryParseVersion(s, out var min))
            {
                return false;
            }

            range = new SdkVersionRange(min, true, null, false);
            return true;
        }

        var last = s[^1];
        if (last is not (']' or ')') || s.Length < 3)
        {
            return false;
        }

        var minInclusive = s[0] == '[';
        var maxInclusive = last == ']';
        var parts = s[1..^1].Split(',');
        if (parts.Length == 1)
        {
            // "[1.0]" means exactly that version; "(1.0)" excludes the only point and is meaningless.
            if (!minInclusive || !maxInclusive || !TryParseVersion(parts[0], out var exact))
            {
                return false;
            }

            range = new SdkVersionRange(exact, true, exact, true);
            return true;
        }

        if (parts.Length != 2)
        {
            return false;
        }

        Version? lower = null;
        Version? upper = null;
        if ((parts[0].Trim().Length > 0 && !TryParseVersion(parts[0], out lower))
            || (parts[1].Trim().Length > 0 && !TryParseVersion(parts[1], out upper))
            || (lower is null && upper is null)
            || (lower is not null && upper is not null && lower > upper))
        {
            return false;
        }

        range = new SdkVersionRange(lower, minInclusive, upper, maxInclusive);
        return true;
    }

    /// <summary>Parses <c>1</c>, <c>1.0</c>, <c>1.0.0</c>; a pre-release or build suffix is ignored for range checks.</summary>
    public static bool TryParseVersion(string text, out Version? version)
    {
        var core = text.Trim().Split('-', '+')[0];
        if (!core.Contains('.', StringComparison.Ordinal))
        {
            core += ".0";
        }

        if (Version.TryParse(core, out var parsed) && parsed.Revision < 0)
        {
            version = new Version(parsed.Major, parsed.Minor, Math.Max(parsed.Build, 0));
            return true;
        }

        version = null;
        return false;
    }
}
