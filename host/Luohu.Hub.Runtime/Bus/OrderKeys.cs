using System.Text.Json;

namespace Luohu.Hub.Runtime.Bus;

/// <summary>
/// Order keys for <see cref="SubscriptionOptions.OrderKey"/>: the topic, or one field of the JSON payload read by a
/// forward scan of its bytes (no parse into a document; the flow parses the payload once, later).
/// </summary>
internal static class OrderKeys
{
    /// <summary>The message's topic: one car park's readings stay in order, car parks run side by side.</summary>
    public static Func<HubMessage, int> Topic { get; } = message => StringComparer.Ordinal.GetHashCode(message.Topic);

    /// <summary>
    /// A payload field such as <c>lot</c> or <c>device.id</c> (object properties, dot-separated). Messages without the
    /// field, or whose payload is not a JSON object, share one key.
    /// </summary>
    public static Func<HubMessage, int> PayloadField(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var levels = path.Split('.').Select(level => System.Text.Encoding.UTF8.GetBytes(level)).ToArray();
        return message => HashOfField(message.Payload.Span, levels);
    }

    private static int HashOfField(ReadOnlySpan<byte> payload, byte[][] levels)
    {
        var reader = new Utf8JsonReader(payload);
        try
        {
            var depth = 0;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.StartObject || reader.CurrentDepth != depth)
                {
                    return 0;
                }

                if (!SeekProperty(ref reader, levels[depth]))
                {
                    return 0;
                }

                if (depth == levels.Length - 1)
                {
                    return reader.Read() ? HashOfValue(ref reader) : 0;
                }

                depth++;
            }
        }
        catch (JsonException)
        {
            // Not JSON: every such message shares the empty key.
        }

        return 0;
    }

    /// <summary>Moves to the property named <paramref name="name"/> of the object just started; false when it has none.</summary>
    private static bool SeekProperty(ref Utf8JsonReader reader, byte[] name)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                if (reader.ValueTextEquals(name))
                {
                    return true;
                }

                reader.Skip();
            }
        }

        return false;
    }

    private static int HashOfValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            return (int)reader.TokenType;
        }

        // FNV-1a over the raw token: "LH-7" and "LH-7" agree, 7 and "7" need not.
        var hash = 2166136261u;
        foreach (var b in reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }
}
