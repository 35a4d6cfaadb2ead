namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>Port names shared by the node types.</summary>
internal static class FlowPorts
{
    /// <summary>The port of a node with one output; a wire without <c>port</c> leaves from it.</summary>
    public const string Out = "out";

    public static IReadOnlyList<string> Single { get; } = [Out];

    public static IReadOnlyList<string> None { get; } = [];

    /// <summary>The index of <paramref name="port"/> among <paramref name="ports"/>; no port or <c>out</c> means the first, <c>0</c>.. by number.</summary>
    public static int IndexOf(IReadOnlyList<string> ports, string? port)
    {
        if (ports.Count == 0)
        {
            return -1;
        }

        if (port is null || port == Out)
        {
            return 0;
        }

        for (var i = 0; i < ports.Count; i++)
        {
            if (string.Equals(ports[i], port, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < ports.Count
            ? index
            : -1;
    }
}
