using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// Reads a node's config and records every problem with its path (<c>nodes[calc].config.code</c>), so the
/// same reading code validates a draft and builds the runtime node of a valid one.
/// </summary>
internal sealed class NodeConfig
{
    private readonly JsonElement? _element;
    private readonly List<FlowProblem> _problems;

    public NodeConfig(string nodeId, JsonElement? config)
        : this(nodeId, $"nodes[{nodeId}].config", config, [])
    {
        if (config is { } c && c.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined))
        {
            Problem(null, $"The config of node '{nodeId}' must be a JSON object, not {c.ValueKind}.");
        }
    }

    private NodeConfig(string nodeId, string path, JsonElement? element, List<FlowProblem> problems)
    {
        NodeId = nodeId;
        Path = path;
        _element = element is { ValueKind: JsonValueKind.Object } ? element : null;
        _problems = problems;
    }

    public string NodeId { get; }

    /// <summary>The path of this object: <c>nodes[sw].config</c> or <c>nodes[sw].config.rules[0]</c>.</summary>
    public string Path { get; }

    public IReadOnlyList<FlowProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    public string PathOf(string? name) => name is null ? Path : $"{Path}.{name}";

    public void Problem(string? name, string message, int? line = null, int? column = null) =>
        _problems.Add(new FlowProblem(PathOf(name), message) { NodeId = NodeId, Line = line, Column = column });

    public bool Has(string name) => TryGet(name, out _);

    public string? String(string name, bool required = false)
    {
        if (!TryGet(name, out var value))
        {
            if (required)
            {
                Problem(name, $"'{name}' is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(name, $"'{name}' must be text, not {value.ValueKind}.");
            return null;
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            Problem(name, $"'{name}' is required and must not be empty.");
            return null;
        }

        return text;
    }

    public string Choice(string name, IReadOnlyList<string> allowed, string defaultValue)
    {
        var text = String(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!allowed.Contains(text, StringComparer.Ordinal))
        {
            Problem(name, $"'{name}' is '{text}'; use one of: {string.Join(", ", allowed)}.");
            return defaultValue;
        }

        return text;
    }

    public int Int(string name, int defaultValue, int min, int max, bool required = false)
    {
        if (!TryGet(name, out var value))
        {
            if (required)
            {
                Problem(name, $"'{name}' is required (a whole number from {min} to {max}).");
            }

            return defaultValue;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            Problem(name, $"'{name}' must be a whole number from {min} to {max}, not {value.GetRawText()}.");
            return defaultValue;
        }

        return (int)number;
    }

    public bool Bool(string name, bool defaultValue)
    {
        if (!TryGet(name, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problem(name, $"'{name}' must be true or false, not {value.GetRawText()}.");
            return defaultValue;
        }

        return value.GetBoolean();
    }

    /// <summary>The value as a mutable JSON tree (templates, workflows), or null when absent.</summary>
    public JsonNode? Json(string name, bool required = false, JsonValueKind? kind = null)
    {
        if (!TryGet(name, out var value))
        {
            if (required)
            {
                Problem(name, $"'{name}' is required.");
            }

            return null;
        }

        if (kind is { } expected && value.ValueKind != expected)
        {
            Problem(name, $"'{name}' must be a JSON {expected.ToString().ToUpperInvariant()}, not {value.ValueKind}.");
            return null;
        }

        return JsonNode.Parse(value.GetRawText());
    }

    public MessagePath? MessagePath(string name, bool required = false, string? defaultValue = null)
    {
        var text = String(name, required) ?? defaultValue;
        if (text is null)
        {
            return null;
        }

        if (!Messages.MessagePath.TryParse(text, out var path, out var error))
        {
            Problem(name, error);
            return null;
        }

        return path;
    }

    public MessageTemplate? Template(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (!MessageTemplate.TryParse(text, out var template, out var error))
        {
            Problem(name, error);
            return null;
        }

        return template;
    }

    /// <summary>The items of an array of objects, each read with its own path (<c>rules[2]</c>).</summary>
    public IReadOnlyList<NodeConfig> Objects(string name, bool required = false)
    {
        if (!TryGet(name, out var value))
        {
            if (required)
            {
                Problem(name, $"'{name}' is required (a list).");
            }

            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, $"'{name}' must be a list, not {value.ValueKind}.");
            return [];
        }

        var items = new List<NodeConfig>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"{PathOf(name)}[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                _problems.Add(new FlowProblem(path, $"Item {index} of '{name}' must be an object.") { NodeId = NodeId });
            }
            else
            {
                items.Add(new NodeConfig(NodeId, path, item, _problems));
            }

            index++;
        }

        return items;
    }

    /// <summary>A list of texts (e.g. node ids).</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            Problem(name, $"'{name}' must be a list of texts.");
            return [];
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    private bool TryGet(string name, [NotNullWhen(true)] out JsonElement value)
    {
        if (_element is { } element && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }
}
