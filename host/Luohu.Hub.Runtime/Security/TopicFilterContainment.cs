namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// Whether every topic one MQTT filter matches is also matched by another: a stream grant <c>cameras/#</c> covers a
/// trigger on <c>cameras/school-gates/+/motion</c>, <c>cameras/school-gates/#</c> does not cover <c>cameras/#</c>.
/// </summary>
internal static class TopicFilterContainment
{
    public static bool Covers(string outer, string inner)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(inner);
        var o = outer.Split('/');
        var i = inner.Split('/');
        for (var level = 0; level < o.Length; level++)
        {
            if (o[level] == "#")
            {
                // '#' also matches the parent level itself ("a/#" matches "a"), so whatever remains of inner fits.
                return true;
            }

            if (level >= i.Length || i[level] == "#")
            {
                return false;
            }

            if (o[level] == "+")
            {
                continue;
            }

            if (i[level] == "+" || !string.Equals(o[level], i[level], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return i.Length == o.Length;
    }
}
