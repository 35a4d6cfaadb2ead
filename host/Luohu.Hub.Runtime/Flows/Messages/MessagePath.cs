using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Messages;

/// <summary>
/// A path into a message body: <c>payload.lot</c>, <c>headers.source</c>, <c>payload.items[0].id</c>, <c>topic</c>.
/// Parsed once when a flow is compiled; immutable and thread-safe.
/// </summary>
internal sealed class MessagePath
{
    private readonly object[] _segments;

    private MessagePath(string text, object[] segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    public static MessagePath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new ArgumentException(error, nameof(text));

    public static bool TryParse(string? text, [NotNullWhen(true)] out MessagePath? path, [NotNullWhen(false)] out string? error)
    {
        path = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The path is empty; write one like 'payload.free' or 'headers.source'.";
            return false;
        }

        var segments = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    error = $"Path '{text}': at character {i + 1} an index must be a number in brackets, e.g. 'payload.items[0]'.";
                    return false;
                }

                segments.Add(index);
                i = close + 1;
                if (i < text.Length && text[i] == '.')
                {
                    i++;
                }

                continue;
            }

            var end = text.IndexOfAny(['.', '['], i);
            if (end < 0)
            {
                end = text.Length;
            }

            var name = text[i..end];
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == ']'))
            {
                error = $"Path '{text}': at character {i + 1} a field name is empty or contains a space or ']'; write names separated by dots.";
                return false;
            }

            segments.Add(name);
            i = end < text.Length && text[end] == '.' ? end + 1 : end;
            if (end < text.Length && text[end] == '.' && i == text.Length)
            {
                error = $"Path '{text}' ends with a dot; remove it or add the field name.";
                return false;
            }
        }

        path = new MessagePath(text, [.. segments]);
        return true;
    }

    /// <summary>The value at the path, or null when any step is missing.</summary>
    public JsonNode? Get(JsonNode? root)
    {
        var current = root;
        foreach (var segment in _segments)
        {
            current = Step(current, segment);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Sets the value, creating objects on the way; throws when a step is not an object/array.</summary>
    public void Set(JsonObject root, JsonNode? value)
    {
        JsonNode current = root;
        for (var i = 0; i < _segments.Length - 1; i++)
        {
            var next = Step(current, _segments[i]);
            if (next is null)
            {
                next = _segments[i + 1] is int ? new JsonArray() : new JsonObject();
                Assign(current, _segments[i], next);
            }

            current = next;
        }

        Assign(current, _segments[^1], value);
    }

    /// <summary>Removes the value and returns it detached (null when there was none).</summary>
    public JsonNode? Remove(JsonObject root)
    {
        var parent = _segments.Length == 1 ? root : Parent(root);
        switch (parent, _segments[^1])
        {
            case (JsonObject obj, string name) when obj.ContainsKey(name):
                var value = obj[name];
                obj.Remove(name);
                return value;
            case (JsonArray array, int index) when index < array.Count:
                var item = array[index];
                array.RemoveAt(index);
                return item;
            default:
                return null;
        }
    }

    public override string ToString() => Text;

    private JsonNode? Parent(JsonNode root)
    {
        JsonNode? current = root;
        for (var i = 0; i < _segments.Length - 1 && current is not null; i++)
        {
            current = Step(current, _segments[i]);
        }

        return current;
    }

    private static JsonNode? Step(JsonNode? node, object segment) => (node, segment) switch
    {
        (JsonObject obj, string name) => obj[name],
        (JsonArray array, int index) => index < array.Count ? array[index] : null,
        _ => null,
    };

    private void Assign(JsonNode parent, object segment, JsonNode? value)
    {
        switch (parent, segment)
        {
            case (JsonObject obj, string name):
                obj[name] = value;
                break;
            case (JsonArray array, int index):
                while (array.Count <= index)
                {
                    array.Add(null);
                }

                array[index] = value;
                break;
            default:
                throw new InvalidOperationException(
                    $"Cannot set '{Text}': the value on the way at '{segment}' is a {parent.GetValueKind()}, not an object or array.");
        }
    }
}
