using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Jint.Native;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// One <see cref="JsObjectLayout"/> (a hidden class) per set of property names, shared by every engine, so the
/// objects built for messages of one shape share a shape and a script's property reads stay monomorphic.
/// Looked up by the JSON object itself (no key string is built). Bounded: beyond <see cref="MaxLayouts"/> shapes
/// (JSON keyed by ids), objects are built in the engine's dictionary representation instead.
/// </summary>
internal static class LayoutCache
{
    public const int MaxLayouts = 4096;

    private static readonly ConcurrentDictionary<string[], JsObjectLayout?> Layouts = new(KeySetComparer.Instance);
    private static readonly ConcurrentDictionary<string[], JsObjectLayout?>.AlternateLookup<JsonObject> ByObject =
        Layouts.GetAlternateLookup<JsonObject>();

    /// <summary>The layout for <paramref name="obj"/>'s property names, or null when they cannot have one.</summary>
    public static JsObjectLayout? For(JsonObject obj)
    {
        if (ByObject.TryGetValue(obj, out var layout))
        {
            return layout;
        }

        if (Layouts.Count >= MaxLayouts)
        {
            return null;
        }

        var keys = KeySetComparer.Instance.Create(obj);
        try
        {
            layout = new JsObjectLayout(keys);
        }
        catch (ArgumentException)
        {
            // A name that starts with a digit (ordered first by JavaScript) or too many names: dictionary mode.
            layout = null;
        }

        return Layouts.GetOrAdd(keys, layout);
    }

    private sealed class KeySetComparer : IEqualityComparer<string[]>, IAlternateEqualityComparer<JsonObject, string[]>
    {
        public static readonly KeySetComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode([DisallowNull] string[] obj)
        {
            var hash = new HashCode();
            foreach (var key in obj)
            {
                hash.Add(key, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }

        public bool Equals(JsonObject alternate, string[] other)
        {
            if (alternate.Count != other.Length)
            {
                return false;
            }

            for (var i = 0; i < other.Length; i++)
            {
                if (!string.Equals(alternate.GetAt(i).Key, other[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(JsonObject alternate)
        {
            var hash = new HashCode();
            for (var i = 0; i < alternate.Count; i++)
            {
                hash.Add(alternate.GetAt(i).Key, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }

        public string[] Create(JsonObject alternate)
        {
            var keys = new string[alternate.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = alternate.GetAt(i).Key;
            }

            return keys;
        }
    }
}
