using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Messages;

/// <summary>
/// Parses a message payload into JSON nodes in one pass, every object, array and value built at once.
/// <see cref="JsonNode.Parse(ReadOnlySpan{byte}, JsonNodeOptions?, JsonDocumentOptions)"/> builds nodes over a
/// <see cref="JsonDocument"/> and makes each object's members on first use, which costs a message that a script
/// reads (every message, on the hot path) about twice the time and allocation of building them directly. Numbers become
/// <c>int</c>, <c>long</c>, <c>double</c> or, beyond the 15 significant digits a double keeps, <c>decimal</c>: the
/// same number in JSON, though not always the same text (<c>3.0</c> is written back as <c>3</c>). Duplicate names: the
/// last wins. Depth: at most 64, as for <see cref="JsonDocument"/>.
/// </summary>
internal static class PayloadJson
{
    /// <exception cref="JsonException">The payload is not one JSON value.</exception>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read())
        {
            throw new JsonException("The payload holds no JSON value.");
        }

        var value = Value(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"The payload has more after its first JSON value (byte {reader.TokenStartIndex}).");
        }

        return value;
    }

    private static JsonNode? Value(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    obj[name] = Value(ref reader);
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(Value(ref reader));
                }

                return array;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString()!);
            case JsonTokenType.Number:
                return Number(ref reader);
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    private static JsonValue Number(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt32(out var small))
        {
            return JsonValue.Create(small);
        }

        if (reader.TryGetInt64(out var whole))
        {
            return JsonValue.Create(whole);
        }

        // A double keeps 15 significant digits exactly; longer numbers (amounts, large ids) keep theirs as decimal.
        if (SignificantDigits(reader.ValueSpan) > 15 && reader.TryGetDecimal(out var exact))
        {
            return JsonValue.Create(exact);
        }

        return reader.TryGetDouble(out var number) && double.IsFinite(number)
            ? JsonValue.Create(number)
            : throw new JsonException($"The number at byte {reader.TokenStartIndex} is out of range.");
    }

    private static int SignificantDigits(ReadOnlySpan<byte> number)
    {
        var digits = 0;
        var leading = true;
        foreach (var b in number)
        {
            if (b is (byte)'e' or (byte)'E')
            {
                break;
            }

            if (b is >= (byte)'0' and <= (byte)'9')
            {
                leading &= b == (byte)'0';
                digits += leading ? 0 : 1;
            }
        }

        return digits;
    }
}
