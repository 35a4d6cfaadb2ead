using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Freezes everything a script can reach before the first run of a pooled engine: the global object, every
/// built-in constructor and prototype, and the prototypes only reachable through values (iterators, generators,
/// typed arrays). A run then cannot leave anything behind for the next one — an assignment to
/// <c>Object.prototype</c>, a global, a replaced or frozen built-in fails with a TypeError in strict mode — so an
/// engine can be reused without one message seeing another's state. The legacy <c>RegExp.$1</c> statics, which
/// would carry the last match across runs, are removed first. The walk is the host's, so no script limit applies.
/// </summary>
internal static class Lockdown
{
    private static readonly string[] LegacyRegExpStatics =
        ["$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9", "input", "$_", "lastMatch", "$&", "lastParen", "$+", "leftContext", "$`", "rightContext", "$'"];

    private static readonly string[] HiddenPrototypes =
    [
        "Object.getPrototypeOf(function* () {})", "Object.getPrototypeOf(async function () {})",
        "Object.getPrototypeOf(async function* () {})", "Object.getPrototypeOf((function* () {})())",
        "Object.getPrototypeOf((async function* () {})())", "Object.getPrototypeOf([][Symbol.iterator]())",
        "Object.getPrototypeOf(new Map()[Symbol.iterator]())", "Object.getPrototypeOf(new Set()[Symbol.iterator]())",
        "Object.getPrototypeOf(''[Symbol.iterator]())", "Object.getPrototypeOf(/a/[Symbol.matchAll](''))",
        "Object.getPrototypeOf(Int8Array)",
    ];

    /// <summary>Freezes <paramref name="engine"/>'s realm; returns how many objects were frozen.</summary>
    public static int Apply(Engine engine)
    {
        var regExp = engine.Global.Get("RegExp").AsObject();
        foreach (var name in LegacyRegExpStatics)
        {
            if (regExp.GetOwnProperty(name) is { Configurable: true } descriptor && descriptor != Jint.Runtime.Descriptors.PropertyDescriptor.Undefined)
            {
                regExp.Delete(name);
            }
        }

        var freeze = engine.Global.Get("Object").AsObject().Get("freeze");
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<JsValue>();
        pending.Push(engine.Global);
        foreach (var expression in HiddenPrototypes)
        {
            pending.Push(engine.Evaluate(expression));
        }

        while (pending.Count > 0)
        {
            var value = pending.Pop();
            if (!value.IsObject() || !seen.Add(value.AsObject()))
            {
                continue;
            }

            var obj = value.AsObject();
            engine.Call(freeze, JsValue.Undefined, [obj]);
            if (obj.Prototype is { } prototype)
            {
                pending.Push(prototype);
            }

            foreach (var key in obj.GetOwnPropertyKeys(Types.String | Types.Symbol))
            {
                var descriptor = obj.GetOwnProperty(key);
                if (descriptor.IsAccessorDescriptor())
                {
                    pending.Push(descriptor.Get ?? JsValue.Undefined);
                    pending.Push(descriptor.Set ?? JsValue.Undefined);
                }
                else
                {
                    pending.Push(descriptor.Value ?? JsValue.Undefined);
                }
            }
        }

        return seen.Count;
    }
}
