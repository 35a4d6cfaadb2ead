using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Sets up one engine's global scope: removes code generation from strings, adds the helpers, <c>ctx</c>,
/// <c>msg</c> and the input's variables. Helpers are read-only so a script cannot swap them for the next line.
/// </summary>
internal static class ScriptGlobals
{
    public static void Install(Engine engine, ScriptInput input, ScriptLogCollector logs, TimeProvider time, ScriptLimits limits)
    {
        DisableCodeFromStrings(engine);
        NativeGuards.Install(engine, limits);
        var global = engine.Global;
        Define(global, "log", CreateLog(engine, logs));
        Define(global, "isoTime", Function(engine, (_, args) => IsoTime(engine, args, time), 1));
        Define(global, "now", Function(engine, (_, _) => new JsValue(time.GetUtcNow().ToUnixTimeMilliseconds()), 0));
        Define(global, "round", Function(engine, (_, args) => new JsValue(
            ScriptHelpers.Round(Number(engine, args, 0, "round", "x"), (int)OptionalNumber(args, 1, 0))), 2));
        Define(global, "clamp", Function(engine, (_, args) => new JsValue(ScriptHelpers.Clamp(
            Number(engine, args, 0, "clamp", "x"), Number(engine, args, 1, "clamp", "min"), Number(engine, args, 2, "clamp", "max"))), 3));
        Define(global, "distanceMeters", Function(engine, (_, args) => new JsValue(ScriptHelpers.DistanceMeters(
            Number(engine, args, 0, "distanceMeters", "lat1"), Number(engine, args, 1, "distanceMeters", "lon1"),
            Number(engine, args, 2, "distanceMeters", "lat2"), Number(engine, args, 3, "distanceMeters", "lon2"))), 4));
        Define(global, "ctx", CreateContext(engine, input.State, limits));

        engine.SetValue("msg", JsonBridge.ToJs(engine, input.Message));
        foreach (var (name, value) in input.Variables)
        {
            engine.SetValue(name, JsonBridge.ToJs(engine, value));
        }
    }

    // Function("...") and eval are how a script builds code from strings; the issue requires that
    // this.constructor.constructor("...") gets an error, so both throw instead of compiling.
    private static void DisableCodeFromStrings(Engine engine)
    {
        var refuse = Function(engine, (_, _) => throw new JavaScriptException(
            engine.EvalError, "building code from strings (Function, eval) is disabled in the rules sandbox; write the code directly"), 1);
        engine.Function.PrototypeObject.FastSetProperty("constructor", new PropertyDescriptor(refuse, false, false, false));
        engine.Global.FastSetProperty("Function", new PropertyDescriptor(refuse, false, false, false));
        engine.Global.FastSetProperty("eval", new PropertyDescriptor(refuse, false, false, false));
    }

    private static ClrFunctionInstance CreateLog(Engine engine, ScriptLogCollector logs)
    {
        ClrFunctionInstance Writer(ScriptLogLevel level) =>
            Function(engine, (_, args) => { logs.Add(level, Format(args)); return JsValue.Undefined; }, 1);

        var log = Writer(ScriptLogLevel.Information);
        log.FastAddProperty("warn", Writer(ScriptLogLevel.Warning), false, false, false);
        log.FastAddProperty("error", Writer(ScriptLogLevel.Error), false, false, false);
        return log;
    }

    private static ObjectInstance CreateContext(Engine engine, IScriptState? state, ScriptLimits limits)
    {
        var ctx = engine.Object.Construct(Arguments.Empty);
        ctx.FastAddProperty("get", Function(engine, (_, args) =>
            state is null ? JsValue.Null : JsonBridge.ToJs(engine, state.GetValue(Key(engine, args, "ctx.get"))), 1), false, false, false);
        ctx.FastAddProperty("set", Function(engine, (_, args) =>
        {
            if (state is null)
            {
                throw new JavaScriptException(engine.TypeError, "ctx.set: this script runs without state (no node or flow context was given)");
            }

            var key = Key(engine, args, "ctx.set");
            state.SetValue(key, JsonBridge.ToJson(Arguments.At(args, 1), limits.MaxResultBytes, $"the value for ctx.set(\"{key}\")"));
            return JsValue.Undefined;
        }, 2), false, false, false);
        return ctx;
    }

    private static JsValue IsoTime(Engine engine, JsValue[] args, TimeProvider time)
    {
        if (args.Length == 0 || args[0].IsUndefined())
        {
            return new JsValue(ScriptHelpers.IsoTime(time.GetUtcNow()));
        }

        var ms = Number(engine, args, 0, "isoTime", "ms");
        if (double.IsNaN(ms) || Math.Abs(ms) > 8.64e15)
        {
            throw new JavaScriptException(engine.RangeError, "isoTime(ms): ms must be milliseconds since 1970-01-01 within ±8.64e15");
        }

        return new JsValue(ScriptHelpers.IsoTime(DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Truncate(ms))));
    }

    private static string Key(Engine engine, JsValue[] args, string function)
    {
        var key = Arguments.At(args, 0);
        if (!key.IsString() || key.AsString().Length == 0)
        {
            throw new JavaScriptException(engine.TypeError, $"{function}(key): key must be a non-empty string");
        }

        return key.AsString();
    }

    private static double Number(Engine engine, JsValue[] args, int index, string function, string parameter)
    {
        var value = Arguments.At(args, index);
        if (!value.IsNumber())
        {
            throw new JavaScriptException(engine.TypeError, $"{function}: {parameter} must be a number, got {TypeConverter.ToString(value)}");
        }

        return value.AsNumber();
    }

    private static double OptionalNumber(JsValue[] args, int index, double fallback)
    {
        var value = Arguments.At(args, index);
        return value.IsNumber() ? value.AsNumber() : fallback;
    }

    private static string Format(JsValue[] args)
    {
        var text = new StringBuilder();
        foreach (var arg in args)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            if (text.Length > ScriptResult.MaxLogLineLength)
            {
                break;
            }

            text.Append(arg.IsObject() && !arg.IsDate() ? ObjectText(arg) : TypeConverter.ToString(arg));
        }

        return text.ToString();
    }

    private static string ObjectText(JsValue value)
    {
        try
        {
            return JsonBridge.ToJson(value, ScriptResult.MaxLogLineLength * 4, "a logged value")?.ToJsonString() ?? "null";
        }
        catch (ScriptException)
        {
            return "[object too large or too deep to log]";
        }
    }

    private static ClrFunctionInstance Function(Engine engine, Func<JsValue, JsValue[], JsValue> body, int length) =>
        new(engine, body, length);

    private static void Define(ObjectInstance target, string name, JsValue value) =>
        target.FastAddProperty(name, value, false, false, false);
}
