using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Jint checks its time and statement limits between statements only. Built-ins that loop in C# up to an
/// array's <c>length</c> (<c>new Array(1e8).join("x")</c>, <c>forEach</c> over a sparse giant, <c>apply</c> with a
/// huge array-like) would run for minutes inside one statement, so they refuse lengths above a ceiling.
/// </summary>
internal static class NativeGuards
{
    /// <summary>Longest array (or array-like) the built-ins accept: far above what a rule handles, far below minutes of work.</summary>
    public const uint MaxArrayLength = 1_000_000;

    public static void Install(Engine engine, ScriptLimits limits)
    {
        var arrayPrototype = engine.Array.PrototypeObject;
        foreach (var (name, descriptor) in arrayPrototype.GetOwnProperties().ToList())
        {
            if (name != "constructor" && descriptor.Value is { } value && value.IsObject() && value.AsObject() is FunctionInstance original)
            {
                Replace(arrayPrototype, name, descriptor, Guarded(engine, original, (thisObject, _) => thisObject, $"Array.prototype.{name}"));
            }
        }

        var functionPrototype = engine.Function.PrototypeObject;
        if (functionPrototype.GetOwnProperty("apply") is { Value: { } apply } applyDescriptor && apply.AsObject() is FunctionInstance applyFunction)
        {
            Replace(functionPrototype, "apply", applyDescriptor, Guarded(engine, applyFunction, (_, args) => Arguments.At(args, 1), "Function.prototype.apply"));
        }

        // JSON.stringify would build the whole text before anyone could check its size.
        var json = engine.Json;
        if (json.GetOwnProperty("stringify") is { Value: { } stringify } stringifyDescriptor && stringify.AsObject() is FunctionInstance stringifyFunction)
        {
            Replace(json, "stringify", stringifyDescriptor, new ClrFunctionInstance(engine, (thisObject, args) =>
            {
                JsonBridge.ToJson(Arguments.At(args, 0), limits.MaxResultBytes, "the value given to JSON.stringify");
                return stringifyFunction.Call(thisObject, args);
            }, 3));
        }
    }

    private static ClrFunctionInstance Guarded(Engine engine, FunctionInstance original, Func<JsValue, JsValue[], JsValue> subject, string name) =>
        new(engine, (thisObject, args) =>
        {
            var target = subject(thisObject, args);
            if (target.IsObject() && TypeConverter.ToUint32(target.AsObject().Get("length")) > MaxArrayLength)
            {
                throw new JavaScriptException(engine.RangeError, $"{name}: arrays longer than {MaxArrayLength} elements are not supported in rules");
            }

            return original.Call(thisObject, args);
        }, (int)TypeConverter.ToInteger(original.Get("length")));

    private static void Replace(ObjectInstance target, string name, PropertyDescriptor descriptor, JsValue replacement) =>
        target.FastSetProperty(name, new PropertyDescriptor(replacement, descriptor.Writable, descriptor.Enumerable, descriptor.Configurable));
}
