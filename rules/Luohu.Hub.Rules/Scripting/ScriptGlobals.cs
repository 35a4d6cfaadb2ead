using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// The helpers every script sees, installed once per engine before it is frozen: <c>log</c> (with <c>warn</c> and
/// <c>error</c>), <c>ctx.get</c>/<c>ctx.set</c>, <c>now()</c>, <c>isoTime()</c>, <c>round</c>, <c>clamp</c> and
/// <c>distanceMeters</c>. <c>log</c> and <c>ctx</c> act on the engine's current <see cref="ScriptRun"/>.
/// </summary>
internal static class ScriptGlobals
{
    public static void Install(Engine engine, ScriptRun run, ValueBridge bridge, ScriptLimits limits, TimeProvider time)
    {
        var global = engine.Global;
        Define(global, "log", CreateLog(engine, run, bridge));
        Define(global, "ctx", CreateContext(engine, run, bridge, limits));
        Define(global, "now", Function(engine, "now", (_, _) => JsNumber.Create(time.GetUtcNow().ToUnixTimeMilliseconds()), 0));
        Define(global, "isoTime", Function(engine, "isoTime", (_, args) => IsoTime(engine, args, time), 1));
        Define(global, "round", Function(engine, "round", (_, args) => JsNumber.Create(
            ScriptHelpers.Round(Number(engine, args, 0, "round", "x"), (int)OptionalNumber(args, 1, 0))), 2));
        Define(global, "clamp", Function(engine, "clamp", (_, args) => JsNumber.Create(ScriptHelpers.Clamp(
            Number(engine, args, 0, "clamp", "x"), Number(engine, args, 1, "clamp", "min"), Number(engine, args, 2, "clamp", "max"))), 3));
        Define(global, "distanceMeters", Function(engine, "distanceMeters", (_, args) => JsNumber.Create(ScriptHelpers.DistanceMeters(
            Number(engine, args, 0, "distanceMeters", "lat1"), Number(engine, args, 1, "distanceMeters", "lon1"),
            Number(engine, args, 2, "distanceMeters", "lat2"), Number(engine, args, 3, "distanceMeters", "lon2"))), 4));
    }

    private static ClrFunction CreateLog(Engine engine, ScriptRun run, ValueBridge bridge)
    {
        ClrFunction Writer(string name, ScriptLogLevel level) =>
            Function(engine, name, (_, args) => { run.Log(level, Format(args, bridge)); return JsValue.Undefined; }, 1);

        var log = Writer("log", ScriptLogLevel.Information);
        Define(log, "warn", Writer("warn", ScriptLogLevel.Warning));
        Define(log, "error", Writer("error", ScriptLogLevel.Error));
        return log;
    }

    private static JsObject CreateContext(Engine engine, ScriptRun run, ValueBridge bridge, ScriptLimits limits)
    {
        var ctx = new JsObject(engine);
        Define(ctx, "get", Function(engine, "get", (_, args) =>
            run.State is { } state ? bridge.ToJs(state.GetValue(Key(engine, args, "ctx.get")), remember: false) : JsValue.Null, 1));
        Define(ctx, "set", Function(engine, "set", (_, args) =>
        {
            var state = run.State ?? throw new JavaScriptException(
                engine.Intrinsics.TypeError, "ctx.set: this script runs without state (no node or flow context was given)");
            var key = Key(engine, args, "ctx.set");
            state.SetValue(key, bridge.ToJson(Arguments.At(args, 1), limits.MaxResultBytes, $"the value for ctx.set(\"{key}\")", reuse: false));
            return JsValue.Undefined;
        }, 2));
        return ctx;
    }

    private static JsString IsoTime(Engine engine, JsValue[] args, TimeProvider time)
    {
        if (args.Length == 0 || args[0].IsUndefined())
        {
            return JsString.Create(ScriptHelpers.IsoTime(time.GetUtcNow()));
        }

        var ms = Number(engine, args, 0, "isoTime", "ms");
        if (double.IsNaN(ms) || Math.Abs(ms) > 8.64e15)
        {
            throw new JavaScriptException(engine.Intrinsics.TypeError, "isoTime(ms): ms must be milliseconds since 1970-01-01 within ±8.64e15");
        }

        return JsString.Create(ScriptHelpers.IsoTime(DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Truncate(ms))));
    }

    private static string Key(Engine engine, JsValue[] args, string function)
    {
        var key = Arguments.At(args, 0);
        if (!key.IsString() || key.AsString().Length == 0)
        {
            throw new JavaScriptException(engine.Intrinsics.TypeError, $"{function}(key): key must be a non-empty string");
        }

        return key.AsString();
    }

    private static double Number(Engine engine, JsValue[] args, int index, string function, string parameter)
    {
        var value = Arguments.At(args, index);
        if (!value.IsNumber())
        {
            throw new JavaScriptException(engine.Intrinsics.TypeError, $"{function}: {parameter} must be a number, got {TypeConverter.ToString(value)}");
        }

        return value.AsNumber();
    }

    private static double OptionalNumber(JsValue[] args, int index, double fallback)
    {
        var value = Arguments.At(args, index);
        return value.IsNumber() ? value.AsNumber() : fallback;
    }

    private static string Format(JsValue[] args, ValueBridge bridge)
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

            text.Append(arg.IsObject() && !arg.IsDate() && !arg.IsCallable() ? ObjectText(arg, bridge) : TypeConverter.ToString(arg));
        }

        return text.ToString();
    }

    private static string ObjectText(JsValue value, ValueBridge bridge)
    {
        try
        {
            return bridge.ToJson(value, ScriptResult.MaxLogLineLength * 4, "a logged value", reuse: false)?.ToJsonString() ?? "null";
        }
        catch (ScriptException)
        {
            return "[object too large or too deep to log]";
        }
    }

    private static ClrFunction Function(Engine engine, string name, Func<JsValue, JsValue[], JsValue> body, int length) =>
        new(engine, name, body, length, PropertyFlag.Configurable);

    private static void Define(ObjectInstance target, string name, JsValue value) =>
        target.FastSetProperty(name, new PropertyDescriptor(value, writable: false, enumerable: false, configurable: false));
}
