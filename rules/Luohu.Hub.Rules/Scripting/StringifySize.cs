using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// How long <c>JSON.stringify</c>'s text would be, counted without building it and given up as soon as it passes
/// the limit (an array of a million references to one long string is a few bytes of memory and terabytes of JSON).
/// Cycles and very deep values stop the count: <c>JSON.stringify</c> refuses those itself.
/// </summary>
internal static class StringifySize
{
    private const int MaxDepth = 64;

    public static double Estimate(JsValue value, int indent, int limit)
    {
        double total = 0;
        Add(value, indent, 0, limit, ref total);
        return total;
    }

    private static void Add(JsValue value, int indent, int depth, int limit, ref double total)
    {
        if (total > limit || depth > MaxDepth)
        {
            return;
        }

        if (value.IsString())
        {
            total += value.AsString().Length + 2;
            return;
        }

        if (!value.IsObject() || value.IsCallable())
        {
            total += 24;
            return;
        }

        var obj = value.AsObject();
        var line = (indent * (depth + 1)) + 1;
        if (obj.IsArray())
        {
            var length = (double)TypeConverter.ToLength(obj.Get("length"));
            total += 2 + length;
            for (ulong i = 0; i < length && total <= limit; i++)
            {
                total += line;
                Add(obj.Get(i), indent, depth + 1, limit, ref total);
            }

            return;
        }

        total += 2;
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            if (total > limit)
            {
                return;
            }

            total += key.AsString().Length + 4 + line;
            Add(obj.Get(key), indent, depth + 1, limit, ref total);
        }
    }

    private static JsValue Get(this ObjectInstance obj, ulong index) => obj.Get(JsNumber.Create((double)index));
}
