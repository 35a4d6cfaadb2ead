using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Messages;

/// <summary>
/// Text with placeholders read from the message: <c>district/parking/{{payload.lot}}/status</c>,
/// <c>{{topic}}</c>, <c>{{headers.source}}</c>. Text values are inserted as they are, numbers in invariant
/// culture, other JSON as its text; a missing value inserts nothing. Parsed once; immutable.
/// </summary>
internal sealed class MessageTemplate
{
    private readonly object[] _parts;

    private MessageTemplate(string text, object[] parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    public bool HasPlaceholders => _parts.Any(p => p is MessagePath);

    /// <summary>The template is exactly one placeholder, so as a JSON value it keeps the value's type.</summary>
    public MessagePath? SinglePath => _parts is [MessagePath path] ? path : null;

    public static MessageTemplate Parse(string text) =>
        TryParse(text, out var template, out var error) ? template : throw new ArgumentException(error, nameof(text));

    public static bool TryParse(string? text, [NotNullWhen(true)] out MessageTemplate? template, [NotNullWhen(false)] out string? error)
    {
        template = null;
        error = null;
        text ??= string.Empty;
        var parts = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(text[i..]);
                break;
            }

            if (open > i)
            {
                parts.Add(text[i..open]);
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"Template '{text}': the placeholder at character {open + 1} is not closed with '}}}}'.";
                return false;
            }

            if (!MessagePath.TryParse(text[(open + 2)..close].Trim(), out var path, out var pathError))
            {
                error = $"Template '{text}': placeholder at character {open + 1}: {pathError}";
                return false;
            }

            parts.Add(path);
            i = close + 2;
        }

        template = new MessageTemplate(text, [.. parts]);
        return true;
    }

    public string Render(JsonObject body)
    {
        if (_parts is [string only])
        {
            return only;
        }

        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part is MessagePath path)
            {
                builder.Append(AsText(path.Get(body)));
            }
            else
            {
                builder.Append((string)part);
            }
        }

        return builder.ToString();
    }

    /// <summary>Renders with every placeholder replaced by <paramref name="sample"/> (validators check what the static text allows).</summary>
    public string RenderSample(string sample) =>
        string.Concat(_parts.Select(p => p is MessagePath ? sample : (string)p));

    public static string AsText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue<double>(out var d)
            ? d.ToString(CultureInfo.InvariantCulture)
            : v.ToJsonString(),
        _ => value.ToJsonString(),
    };

    /// <summary>Renders a JSON tree of templates once; nodes compile theirs with <see cref="MessageTemplateTree"/>.</summary>
    public static JsonNode? RenderTree(JsonNode? template, JsonObject body) => MessageTemplateTree.Compile(template).Render(body);

    /// <summary>Every template problem in a JSON tree, with the JSON path of the text at fault.</summary>
    public static IEnumerable<(string Path, string Error)> CheckTree(JsonNode? template, string path)
    {
        switch (template)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    foreach (var problem in CheckTree(value, $"{path}.{name}"))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var problem in CheckTree(array[i], $"{path}[{i}]"))
                    {
                        yield return problem;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                if (!TryParse(value.GetValue<string>(), out _, out var error))
                {
                    yield return (path, error);
                }

                break;
        }
    }

    public override string ToString() => Text;
}
