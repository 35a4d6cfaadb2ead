using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// The built-ins that can build a huge string inside one call — where no statement boundary lets the time or
/// memory limit act — refuse a result longer than <see cref="ScriptLimits.MaxStringLength"/> before building it
/// (<c>repeat</c>, <c>padStart</c>, <c>padEnd</c>, <c>concat</c>, <c>replace</c>, <c>replaceAll</c>,
/// <c>JSON.stringify</c>), or are the hub's own loop that stops at the limit and checks the run's time as it goes
/// (<c>Array.prototype.join</c> and <c>toString</c>: joining 65 copies of a 16-million-character string ran for
/// seconds and allocated gigabytes in one statement). Installed once per engine, before it is frozen.
/// </summary>
internal sealed class SizeGuards
{
    private const int CheckEvery = 1024;

    private readonly Engine _engine;
    private readonly ScriptLimits _limits;
    private readonly RunBudget _budget;
    private readonly HashSet<ObjectInstance> _joining = new(ReferenceEqualityComparer.Instance);

    private SizeGuards(Engine engine, ScriptLimits limits, RunBudget budget)
    {
        _engine = engine;
        _limits = limits;
        _budget = budget;
    }

    public static void Install(Engine engine, ScriptLimits limits, RunBudget budget)
    {
        var guards = new SizeGuards(engine, limits, budget);
        var strings = Prototype(engine, "String.prototype");
        guards.Before(strings, "repeat", 1, (self, args) => Text(self).Length * Math.Max(0, Integer(args, 0)));
        guards.Before(strings, "padStart", 2, (_, args) => Integer(args, 0));
        guards.Before(strings, "padEnd", 2, (_, args) => Integer(args, 0));
        guards.Before(strings, "concat", 1, (self, args) => Text(self).Length + args.Sum(a => (double)TypeConverter.ToString(a).Length));
        guards.Before(strings, "replace", 2, (self, args) => ReplaceBound(self, args, all: false));
        guards.Before(strings, "replaceAll", 2, (self, args) => ReplaceBound(self, args, all: true));
        guards.Before(Prototype(engine, "JSON"), "stringify", 3, (_, args) => StringifyBound(args, limits.MaxStringLength));

        var arrays = Prototype(engine, "Array.prototype");
        guards.Replace(arrays, "join", 1, (self, args) => guards.Join(self, Arguments.At(args, 0)));
        guards.Replace(arrays, "toString", 0, (self, _) => guards.Join(self, JsValue.Undefined));
        guards.Replace(Prototype(engine, "Object.getPrototypeOf(Int8Array.prototype)"), "join", 1, (self, args) => guards.Join(self, Arguments.At(args, 0)));
    }

    private JsString Join(JsValue self, JsValue separator)
    {
        var array = self.IsObject() ? self.AsObject()
            : self.IsNull() || self.IsUndefined() ? throw new JavaScriptException(_engine.Intrinsics.TypeError, "Array.prototype.join called on null or undefined")
            : _engine.Call(_engine.Intrinsics.Object, JsValue.Undefined, [self]).AsObject();
        if (!_joining.Add(array))
        {
            return JsString.Empty; // a cycle: what browsers give
        }

        try
        {
            var length = TypeConverter.ToLength(array.Get("length"));
            var sep = separator.IsUndefined() ? "," : TypeConverter.ToString(separator);
            var text = new StringBuilder();
            for (ulong k = 0; k < length; k++)
            {
                if (k > 0)
                {
                    text.Append(sep);
                }

                var element = array.Get(k);
                if (!element.IsNull() && !element.IsUndefined())
                {
                    text.Append(TypeConverter.ToString(element));
                }

                if (text.Length > _limits.MaxStringLength)
                {
                    throw TooLong("Array.prototype.join", text.Length);
                }

                if (k % CheckEvery == CheckEvery - 1)
                {
                    _budget.Check();
                }
            }

            return new JsString(text.ToString());
        }
        finally
        {
            _joining.Remove(array);
        }
    }

    private static double ReplaceBound(JsValue self, JsValue[] args, bool all)
    {
        var replacement = Arguments.At(args, 1);
        if (replacement.IsCallable())
        {
            return 0; // each callback is script code under the run's limits
        }

        var text = Text(self);
        var with = TypeConverter.ToString(replacement).Length;
        var pattern = Arguments.At(args, 0);
        if (pattern.IsString())
        {
            var search = pattern.AsString();
            var count = Occurrences(text, search, all);
            return text.Length + (count * (long)Math.Max(0, with - search.Length));
        }

        // A regular expression: at most one match per position and one at the end.
        return text.Length + ((text.Length + 1L) * with);
    }

    private static long Occurrences(string text, string search, bool all)
    {
        if (search.Length == 0)
        {
            return all ? text.Length + 1L : 1;
        }

        long count = 0;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
        {
            count++;
            if (!all)
            {
                break;
            }
        }

        return count;
    }

    private static double StringifyBound(JsValue[] args, int limit)
    {
        var indent = Arguments.At(args, 2);
        var width = indent.IsNumber() ? Math.Clamp((int)indent.AsNumber(), 0, 10) : indent.IsString() ? Math.Min(indent.AsString().Length, 10) : 0;
        return StringifySize.Estimate(Arguments.At(args, 0), width, limit);
    }

    private void Before(ObjectInstance target, string name, int length, Func<JsValue, JsValue[], double> resultLength)
    {
        var original = target.Get(name);
        Define(target, name, new ClrFunction(_engine, name, (self, args) =>
        {
            var size = resultLength(self, args);
            if (size > _limits.MaxStringLength)
            {
                throw TooLong($"{name}", size);
            }

            return _engine.Call(original, self, args);
        }, length, PropertyFlag.Configurable));
    }

    private void Replace(ObjectInstance target, string name, int length, Func<JsValue, JsValue[], JsValue> body) =>
        Define(target, name, new ClrFunction(_engine, name, body, length, PropertyFlag.Configurable));

    private static void Define(ObjectInstance target, string name, JsValue function) =>
        target.FastSetProperty(name, new PropertyDescriptor(function, writable: true, enumerable: false, configurable: true));

    private ScriptLimitException TooLong(string function, double size) => new(
        ScriptLimitKind.StringLength,
        _limits.MaxStringLength,
        $"Script limit: {function} would produce {size:N0} characters, more than MaxStringLength ({_limits.MaxStringLength:N0}). Work on smaller strings, or raise the department's MaxStringLength.",
        null);

    private static ObjectInstance Prototype(Engine engine, string expression) => engine.Evaluate(expression).AsObject();

    private static string Text(JsValue self) => self.IsString() ? self.AsString() : TypeConverter.ToString(self);

    private static double Integer(JsValue[] args, int index)
    {
        var value = TypeConverter.ToNumber(Arguments.At(args, index));
        return double.IsNaN(value) ? 0 : Math.Truncate(value);
    }
}
