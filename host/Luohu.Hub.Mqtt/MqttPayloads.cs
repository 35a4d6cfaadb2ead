using System.Text;
using System.Text.Json;

namespace Luohu.Hub.Mqtt;

/// <summary>
/// Broker payloads are bytes, bus payloads are JSON. Valid JSON passes unchanged; anything else is wrapped as
/// <c>{"$raw": "...", "$encoding": "utf8"|"base64"}</c> and flagged by the <see cref="WrappedHeader"/> header, so a
/// flow sees it and can unwrap it; nothing is dropped for not being JSON. An empty payload becomes JSON <c>null</c>.
/// </summary>
internal static class MqttPayloads
{
    /// <summary>The payload of an MQTTnet message without a copy: MQTTnet gives each received packet its own array.</summary>
    public static ReadOnlyMemory<byte> Of(in System.Buffers.ReadOnlySequence<byte> payload) =>
        payload.IsSingleSegment ? payload.First : System.Buffers.BuffersExtensions.ToArray(payload);

    /// <summary>Set to <c>utf8</c> or <c>base64</c> on wrapped payloads.</summary>
    public const string WrappedHeader = "mqtt-payload-wrapped";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bus payload and, when wrapped, the encoding used.</summary>
    public static (ReadOnlyMemory<byte> Json, string? WrappedAs) ToHub(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length == 0)
        {
            return ("null"u8.ToArray(), null);
        }

        if (IsJson(payload))
        {
            return (payload, null);
        }

        string text;
        string encoding;
        try
        {
            text = StrictUtf8.GetString(payload.Span);
            encoding = "utf8";
        }
        catch (DecoderFallbackException)
        {
            text = Convert.ToBase64String(payload.Span);
            encoding = "base64";
        }

        var wrapped = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["$raw"] = text, ["$encoding"] = encoding });
        return (wrapped, encoding);
    }

    /// <summary>What goes to the broker: the bus payload, unwrapped when it is a wrapped raw payload.</summary>
    public static ReadOnlyMemory<byte> ToBroker(ReadOnlyMemory<byte> json)
    {
        if (json.Length == 0 || json.Span[0] != (byte)'{' || json.Span.IndexOf("\"$raw\""u8) < 0)
        {
            return json;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$raw", out var raw) && root.TryGetProperty("$encoding", out var encoding)
                && raw.ValueKind == JsonValueKind.String && root.EnumerateObject().Count() == 2)
            {
                return encoding.GetString() == "base64" ? Convert.FromBase64String(raw.GetString()!) : Encoding.UTF8.GetBytes(raw.GetString()!);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return json;
        }

        return json;
    }

    private static bool IsJson(ReadOnlyMemory<byte> payload)
    {
        var reader = new Utf8JsonReader(payload.Span);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
