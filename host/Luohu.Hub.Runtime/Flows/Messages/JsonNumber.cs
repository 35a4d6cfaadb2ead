using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Messages;

/// <summary>Reads a JSON number whatever CLR type backs the <see cref="JsonValue"/> (parsed, int, long, double, decimal).</summary>
internal static class JsonNumber
{
    public static bool TryGet(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue<double>(out value))
        {
            return true;
        }

        if (v.TryGetValue<long>(out var l))
        {
            value = l;
            return true;
        }

        if (v.TryGetValue<int>(out var i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue<decimal>(out var m))
        {
            value = (double)m;
            return true;
        }

        if (v.TryGetValue<float>(out var f))
        {
            value = f;
            return true;
        }

        return double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public static double Get(JsonNode? node) => TryGet(node, out var value) ? value : 0;
}
