using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>From the engine back to JSON nodes, as <c>JSON.stringify</c> would see the value, under a byte budget.</summary>
internal sealed partial class ValueBridge
{
    public const int MaxDepth = 64;

    /// <summary>A property whose value JSON leaves out (undefined, a function, a symbol).</summary>
    private static readonly JsonNode Omitted = JsonValue.Create("omitted");

    /// <summary>
    /// Converts <paramref name="value"/>; with <paramref name="reuse"/> the nodes remembered by <see cref="ToJs"/>
    /// are updated in place and returned instead of copied.
    /// </summary>
    /// <param name="what">Names the value in errors, e.g. "the returned value".</param>
    /// <exception cref="ScriptLimitException">The JSON would be larger than <paramref name="maxBytes"/>.</exception>
    public JsonNode? ToJson(JsValue value, int maxBytes, string what, bool reuse)
    {
        var budget = new Budget(maxBytes, what);
        var node = Convert(value, null, 0, reuse && _origins.Count > 0, ref budget);
        return ReferenceEquals(node, Omitted) ? null : node;
    }

    private JsonNode? Convert(JsValue value, JsonNode? existing, int depth, bool reuse, ref Budget budget)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            budget.Spend(4);
            return value.IsNull() ? null : Omitted;
        }

        if (value.IsBoolean())
        {
            budget.Spend(5);
            var b = value.AsBoolean();
            return existing is JsonValue old && old.TryGetValue(out bool was) && was == b ? old : JsonValue.Create(b);
        }

        if (value.IsNumber())
        {
            budget.Spend(8);
            return Number(value.AsNumber(), existing);
        }

        if (value.IsString())
        {
            var text = value.AsString();
            budget.Spend(Encoding.UTF8.GetByteCount(text) + 2);
            return existing is JsonValue old && JsonValues.TryGetString(old, out var was) && string.Equals(was, text, StringComparison.Ordinal)
                ? old
                : JsonValue.Create(text);
        }

        if (value.IsSymbol() || value.IsCallable())
        {
            return Omitted;
        }

        if (value.IsBigInt())
        {
            throw new ScriptRuntimeException($"TypeError: {budget.What} holds a BigInt, which JSON cannot carry; convert it with Number() or String()", null, null);
        }

        if (value.IsDate())
        {
            budget.Spend(26);
            var date = value.AsDate();
            return double.IsNaN(date.DateValue) ? null : JsonValue.Create(date.ToDateTime().ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        if (depth >= MaxDepth)
        {
            throw new ScriptRuntimeException(
                $"TypeError: {budget.What} is nested deeper than {MaxDepth} levels or refers to itself; return plain data", null, null);
        }

        var obj = value.AsObject();
        if (reuse && _origins.Take(obj) is { } origin)
        {
            return origin is JsonArray originArray && obj.IsArray()
                ? UpdateArray(obj, originArray, depth, ref budget)
                : origin is JsonObject originObject && !obj.IsArray() ? UpdateObject(obj, originObject, depth, ref budget) : Build(obj, depth, reuse, ref budget);
        }

        return Build(obj, depth, reuse, ref budget);
    }

    private static JsonValue? Number(double number, JsonNode? existing)
    {
        if (existing is JsonValue old && JsonValues.TryGetNumber(old, out var was) && was.Equals(number))
        {
            return old;
        }

        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return null;
        }

        // Whole numbers as int (or long), as JSON parsing would read them; the rest as double.
        return number != Math.Floor(number) || Math.Abs(number) >= 9007199254740992d ? JsonValue.Create(number)
            : number is >= int.MinValue and <= int.MaxValue ? JsonValue.Create((int)number)
            : JsonValue.Create((long)number);
    }

    private JsonNode Build(ObjectInstance obj, int depth, bool reuse, ref Budget budget)
    {
        if (obj.IsArray())
        {
            var length = Length(obj, ref budget);
            var array = new JsonArray();
            for (uint i = 0; i < length; i++)
            {
                array.Add(Detached(Convert(obj.Get(i), null, depth + 1, reuse, ref budget), inArray: true));
            }

            return array;
        }

        var result = new JsonObject();
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            if (Property(obj, key, out var name, out var item))
            {
                budget.Spend(Encoding.UTF8.GetByteCount(name) + 4);
                var node = Convert(item, null, depth + 1, reuse, ref budget);
                if (!ReferenceEquals(node, Omitted))
                {
                    result[name] = Detached(node, inArray: false);
                }
            }
        }

        return result;
    }

    private JsonObject UpdateObject(ObjectInstance obj, JsonObject target, int depth, ref Budget budget)
    {
        var kept = 0;
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            if (!Property(obj, key, out var name, out var item))
            {
                continue;
            }

            budget.Spend(Encoding.UTF8.GetByteCount(name) + 4);
            target.TryGetPropertyValue(name, out var existing);
            var node = Convert(item, existing, depth + 1, reuse: true, ref budget);
            if (ReferenceEquals(node, Omitted))
            {
                target.Remove(name);
                continue;
            }

            kept++;
            if (!ReferenceEquals(node, existing) || !target.ContainsKey(name))
            {
                target[name] = Detached(node, inArray: false);
            }
        }

        if (target.Count > kept)
        {
            for (var i = target.Count - 1; i >= 0; i--)
            {
                var name = target.GetAt(i).Key;
                if (!Property(obj, name, out _, out var item) || item.IsUndefined() || item.IsCallable() || item.IsSymbol())
                {
                    target.RemoveAt(i);
                }
            }
        }

        return target;
    }

    private JsonArray UpdateArray(ObjectInstance obj, JsonArray target, int depth, ref Budget budget)
    {
        var length = Length(obj, ref budget);
        if (length == target.Count)
        {
            for (var i = 0; i < target.Count; i++)
            {
                var existing = target[i];
                var node = Convert(obj.Get((uint)i), existing, depth + 1, reuse: true, ref budget);
                node = ReferenceEquals(node, Omitted) ? null : node;
                if (!ReferenceEquals(node, existing))
                {
                    target[i] = Detached(node, inArray: true);
                }
            }

            return target;
        }

        var nodes = new JsonNode?[length];
        for (uint i = 0; i < length; i++)
        {
            var node = Convert(obj.Get(i), i < target.Count ? target[(int)i] : null, depth + 1, reuse: true, ref budget);
            nodes[i] = ReferenceEquals(node, Omitted) ? null : node;
        }

        target.Clear();
        foreach (var node in nodes)
        {
            target.Add(Detached(node, inArray: true));
        }

        return target;
    }

    /// <summary>A node ready for a new parent: a kept node that still belongs elsewhere is copied (one node, one place).</summary>
    private static JsonNode? Detached(JsonNode? node, bool inArray) =>
        ReferenceEquals(node, Omitted) ? (inArray ? null : node) : node?.Parent is null ? node : node.DeepClone();

    private static uint Length(ObjectInstance array, ref Budget budget)
    {
        var length = TypeConverter.ToLength(array.Get("length"));
        // Each element costs at least one byte: refuse a sparse giant before walking it.
        budget.Spend((long)Math.Min(length, int.MaxValue));
        return (uint)length;
    }

    private static bool Property(ObjectInstance obj, JsValue key, out string name, out JsValue value)
    {
        name = key.AsString();
        var descriptor = obj.GetOwnProperty(key);
        if (descriptor == PropertyDescriptor.Undefined || !descriptor.Enumerable)
        {
            value = JsValue.Undefined;
            return false;
        }

        value = descriptor.IsAccessorDescriptor() ? obj.Get(key) : descriptor.Value ?? JsValue.Undefined;
        return true;
    }

    private static bool Property(ObjectInstance obj, string name, out string same, out JsValue value) => Property(obj, JsString.Create(name), out same, out value);

    private struct Budget(int maxBytes, string what)
    {
        private long _spent;

        public readonly string What => what;

        public void Spend(long bytes)
        {
            _spent += bytes;
            if (_spent > maxBytes)
            {
                throw new ScriptLimitException(
                    ScriptLimitKind.ResultSize,
                    maxBytes,
                    $"Script limit: {what} is larger than MaxResultBytes ({maxBytes} bytes of JSON). Return less data, or raise the department's MaxResultBytes.",
                    null);
            }
        }
    }
}
