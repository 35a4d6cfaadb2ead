using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Moves values between the hub's JSON nodes and one engine without JSON text in between. Objects are built on
/// shared layouts (<see cref="LayoutCache"/>). When the caller gives its message to the run
/// (<see cref="ScriptInput.MessageIsOwned"/>), the objects built from it remember their node, and what the script
/// returns is written back into those nodes: unchanged parts are kept as they are, so a script that sets one field
/// allocates one value. Not thread-safe: one per engine, used by one run at a time.
/// </summary>
internal sealed partial class ValueBridge(Engine engine)
{
    private readonly OriginMap _origins = new();
    private readonly List<JsValue[]> _buffers = [];
    private int _depth;

    /// <summary>Forgets the nodes of the run that ended.</summary>
    public void Clear()
    {
        if (_origins.Count > 0)
        {
            _origins.Clear();
        }
    }

    /// <summary>The value of <paramref name="node"/> in the engine; <paramref name="remember"/> records where each object came from.</summary>
    public JsValue ToJs(JsonNode? node, bool remember)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
                return ObjectToJs(obj, remember);
            case JsonArray array:
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ToJs(array[i], remember);
                }

                var jsArray = new JsArray(engine, items);
                if (remember)
                {
                    _origins.Add(jsArray, array);
                }

                return jsArray;
            default:
                return PrimitiveToJs((JsonValue)node);
        }
    }

    private ObjectInstance ObjectToJs(JsonObject obj, bool remember)
    {
        ObjectInstance result;
        var layout = obj.Count == 0 ? null : LayoutCache.For(obj);
        if (layout is not null)
        {
            var values = Buffer(obj.Count);
            _depth++;
            try
            {
                for (var i = 0; i < obj.Count; i++)
                {
                    values[i] = ToJs(obj.GetAt(i).Value, remember);
                }

                result = JsObject.Create(engine, layout, values.AsSpan(0, obj.Count));
            }
            finally
            {
                _depth--;
                Array.Clear(values, 0, obj.Count);
            }
        }
        else
        {
            var plain = new JsObject(engine);
            for (var i = 0; i < obj.Count; i++)
            {
                var (key, value) = obj.GetAt(i);
                plain.FastSetDataProperty(key, ToJs(value, remember));
            }

            result = plain;
        }

        if (remember)
        {
            _origins.Add(result, obj);
        }

        return result;
    }

    /// <summary>A scratch array for the values of an object at the current depth (one per depth, reused by every run).</summary>
    private JsValue[] Buffer(int length)
    {
        while (_buffers.Count <= _depth)
        {
            _buffers.Add(new JsValue[8]);
        }

        if (_buffers[_depth].Length < length)
        {
            _buffers[_depth] = new JsValue[Math.Max(length, _buffers[_depth].Length * 2)];
        }

        return _buffers[_depth];
    }

    private static JsValue PrimitiveToJs(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return JsonValues.TryGetString(value, out var text) ? JsString.Create(text) : JsValue.Null;
            case JsonValueKind.Number:
                return JsonValues.TryGetNumber(value, out var number) ? JsNumber.Create(number) : JsValue.Null;
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            default:
                return JsValue.Null;
        }
    }
}
