using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Moves values between JSON and the engine. Outbound values are written under a byte budget, element by
/// element, so a script cannot make the host build a huge string before the size check (JSON.stringify would).
/// </summary>
internal static class JsonBridge
{
    public const int MaxDepth = 64;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Only for measuring and re-reading: relaxed escaping keeps the byte count what a client will see.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static JsValue ToJs(Engine engine, JsonNode? node) =>
        node is null ? JsValue.Null : engine.Json.Parse(JsValue.Undefined, [new JsValue(node.ToJsonString())]);

    /// <summary>Converts <paramref name="value"/> to JSON, or throws <see cref="ScriptLimitException"/> past <paramref name="maxBytes"/>.</summary>
    /// <param name="what">Names the value in errors, e.g. "the returned value".</param>
    public static JsonNode? ToJson(JsValue value, int maxBytes, string what)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            new Walker(writer, maxBytes, what).Write(value, 0);
        }

        return JsonNode.Parse(buffer.WrittenSpan);
    }

    private sealed class Walker(Utf8JsonWriter writer, int maxBytes, string what)
    {
        public void Write(JsValue value, int depth)
        {
            if (value.IsUndefined() || value.IsNull() || IsFunction(value))
            {
                writer.WriteNullValue();
            }
            else if (value.IsBoolean())
            {
                writer.WriteBooleanValue(value.AsBoolean());
            }
            else if (value.IsNumber())
            {
                WriteNumber(value.AsNumber());
            }
            else if (value.IsString())
            {
                var text = value.AsString();
                Spend(text.Length);
                writer.WriteStringValue(text);
            }
            else if (value.IsDate())
            {
                writer.WriteStringValue(value.AsDate().ToDateTime().ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            }
            else if (value.IsArray())
            {
                WriteArray(value.AsObject(), depth);
            }
            else
            {
                WriteObject(value.AsObject(), depth);
            }

            Spend(0);
        }

        private void WriteNumber(double number)
        {
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                writer.WriteNullValue();
            }
            else if (number == Math.Floor(number) && Math.Abs(number) < 9007199254740992d)
            {
                writer.WriteNumberValue((long)number);
            }
            else
            {
                writer.WriteNumberValue(number);
            }
        }

        private void WriteArray(ObjectInstance array, int depth)
        {
            EnterLevel(depth);
            var length = TypeConverter.ToUint32(array.Get("length"));
            // Each element costs at least one byte: refuse a sparse giant before walking it.
            Spend(length);
            writer.WriteStartArray();
            for (uint i = 0; i < length; i++)
            {
                Write(array.Get(i.ToString(CultureInfo.InvariantCulture)), depth + 1);
            }

            writer.WriteEndArray();
        }

        private void WriteObject(ObjectInstance obj, int depth)
        {
            EnterLevel(depth);
            writer.WriteStartObject();
            foreach (var (name, descriptor) in obj.GetOwnProperties().ToList())
            {
                if (descriptor.Enumerable != true)
                {
                    continue;
                }

                var value = descriptor.IsAccessorDescriptor() ? obj.Get(name) : descriptor.Value ?? JsValue.Undefined;
                if (value.IsUndefined() || IsFunction(value))
                {
                    continue;
                }

                Spend(name.Length);
                writer.WritePropertyName(name);
                Write(value, depth + 1);
            }

            writer.WriteEndObject();
        }

        private void EnterLevel(int depth)
        {
            if (depth >= MaxDepth)
            {
                throw new ScriptRuntimeException(
                    $"TypeError: {what} is nested deeper than {MaxDepth} levels or refers to itself; return plain data", null, null);
            }
        }

        private void Spend(long pending)
        {
            var total = writer.BytesCommitted + writer.BytesPending + pending;
            if (total > maxBytes)
            {
                throw new ScriptLimitException(
                    ScriptLimitKind.ResultSize,
                    maxBytes,
                    $"Script limit: {what} is larger than MaxResultBytes ({maxBytes} bytes of JSON). Return less data, or raise the department's MaxResultBytes.",
                    null);
            }
        }

        private static bool IsFunction(JsValue value) => value.IsObject() && value.AsObject() is Jint.Native.Function.FunctionInstance;
    }
}
