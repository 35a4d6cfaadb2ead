using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>Reads a <see cref="JsonValue"/> whatever backs it: parsed JSON or a CLR value a node put there.</summary>
internal static class JsonValues
{
    public static bool TryGetNumber(JsonValue value, out double number)
    {
        if (value.TryGetValue(out number))
        {
            return true;
        }

        if (value.TryGetValue(out long l)) { number = l; return true; }
        if (value.TryGetValue(out int i)) { number = i; return true; }
        if (value.TryGetValue(out decimal m)) { number = (double)m; return true; }
        if (value.TryGetValue(out float f)) { number = f; return true; }
        if (value.TryGetValue(out ulong u)) { number = u; return true; }
        if (value.TryGetValue(out uint ui)) { number = ui; return true; }
        if (value.TryGetValue(out short s)) { number = s; return true; }
        if (value.TryGetValue(out byte b)) { number = b; return true; }
        if (value.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.Number) { number = e.GetDouble(); return true; }
        number = 0;
        return false;
    }

    public static bool TryGetString(JsonValue value, out string text)
    {
        if (value.TryGetValue<string>(out var s))
        {
            text = s;
            return true;
        }

        if (value.TryGetValue(out JsonElement e) && e.ValueKind == JsonValueKind.String)
        {
            text = e.GetString()!;
            return true;
        }

        if (value.TryGetValue(out Guid g)) { text = g.ToString(); return true; }
        if (value.TryGetValue(out char c)) { text = c.ToString(); return true; }
        if (value.TryGetValue(out DateTimeOffset d)) { text = d.ToString("O", System.Globalization.CultureInfo.InvariantCulture); return true; }
        if (value.TryGetValue(out DateTime t)) { text = t.ToString("O", System.Globalization.CultureInfo.InvariantCulture); return true; }
        text = string.Empty;
        return false;
    }
}
