using System.Collections.Concurrent;
using System.Dynamic;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using RulesEngine.HelperFunctions;

namespace Luohu.Hub.Rules.Workflows.Inputs;

/// <summary>
/// Turns a JSON input into the object RulesEngine's lambda expressions see — the same object a .NET system gets
/// when it reads the JSON with Json.NET into an <see cref="ExpandoObject"/> and hands it to RulesEngine, which
/// makes a typed object of it (<see cref="Utils.GetTypedObject"/>): integers are <see cref="long"/>, other numbers
/// <see cref="double"/>, ISO dates <see cref="DateTime"/> (<see cref="JsonDates"/>), objects classes with one
/// property per field, arrays typed lists. The class of each JSON shape is made once, by RulesEngine, and kept;
/// later inputs of that shape are built straight from the JSON.
/// </summary>
internal static class RuleInputs
{
    private const int MaxShapes = 2048;

    private static readonly ConcurrentDictionary<string, Type> Shapes = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Type>.AlternateLookup<ReadOnlySpan<char>> ShapesBySpan =
        Shapes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The value RulesEngine evaluates <paramref name="node"/> as.</summary>
    public static object? ToTyped(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            return ToPlain(node);
        }

        var shape = new ShapeWriter();
        try
        {
            shape.Write(obj);
            if (!ShapesBySpan.TryGetValue(shape.Text, out var type))
            {
                type = Utils.CreateAbstractClassType(ToPlain(obj));
                if (Shapes.Count < MaxShapes)
                {
                    Shapes.TryAdd(shape.Text.ToString(), type);
                }
            }

            return TypedObjects.Create(type, obj);
        }
        finally
        {
            shape.Dispose();
        }
    }

    /// <summary>What Json.NET's <c>ExpandoObjectConverter</c> reads <paramref name="node"/> as: expando objects, lists, primitives.</summary>
    public static object? ToPlain(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var expando = new ExpandoObject();
                var fields = (IDictionary<string, object?>)expando;
                foreach (var (key, value) in obj)
                {
                    fields[key] = ToPlain(value);
                }

                return expando;
            case JsonArray array:
                var list = new List<object?>(array.Count);
                foreach (var item in array)
                {
                    list.Add(ToPlain(item));
                }

                return list;
            default:
                return Primitive((JsonValue)node);
        }
    }

    /// <summary>A JSON primitive as Json.NET reads it.</summary>
    public static object? Primitive(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                JsonValues.TryGetString(value, out var text);
                return JsonDates.TryParse(text, out var date) ? date : text;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Number:
                return Number(value);
            default:
                return null;
        }
    }

    private static object Number(JsonValue value)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            return element.TryGetInt64(out var whole) ? whole
                : IsInteger(element.GetRawText()) ? BigInteger.Parse(element.GetRawText(), System.Globalization.CultureInfo.InvariantCulture)
                : element.GetDouble();
        }

        // A value a node computed: Json.NET would read the text System.Text.Json writes for it.
        if (value.TryGetValue(out long l)) { return l; }
        if (value.TryGetValue(out int i)) { return (long)i; }
        JsonValues.TryGetNumber(value, out var number);
        return number == Math.Floor(number) && Math.Abs(number) < 9.2e18 ? (long)number : number;
    }

    private static bool IsInteger(string text) => text.AsSpan().IndexOfAny(".eE") < 0;
}
