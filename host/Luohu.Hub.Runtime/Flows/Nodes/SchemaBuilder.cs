using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>Small builders for the JSON schemas the designer turns into config forms.</summary>
internal static class SchemaBuilder
{
    public static JsonObject Object(IReadOnlyList<string> required, params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        var result = new JsonObject { ["type"] = "object", ["properties"] = props, ["additionalProperties"] = false };
        if (required.Count > 0)
        {
            result["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        }

        return result;
    }

    public static JsonObject Text(string title, string description, string? defaultValue = null, IReadOnlyList<string>? choices = null, string? format = null)
    {
        var schema = Base("string", title, description);
        if (defaultValue is not null)
        {
            schema["default"] = defaultValue;
        }

        if (choices is not null)
        {
            schema["enum"] = new JsonArray([.. choices.Select(c => (JsonNode)c)]);
        }

        if (format is not null)
        {
            schema["format"] = format;
        }

        return schema;
    }

    public static JsonObject Integer(string title, string description, int? defaultValue, int minimum, int maximum)
    {
        var schema = Base("integer", title, description);
        schema["minimum"] = minimum;
        schema["maximum"] = maximum;
        if (defaultValue is not null)
        {
            schema["default"] = defaultValue;
        }

        return schema;
    }

    public static JsonObject Boolean(string title, string description, bool defaultValue)
    {
        var schema = Base("boolean", title, description);
        schema["default"] = defaultValue;
        return schema;
    }

    public static JsonObject List(string title, string description, JsonObject items)
    {
        var schema = Base("array", title, description);
        schema["items"] = items;
        return schema;
    }

    public static JsonObject AnyJson(string title, string description) =>
        new() { ["title"] = title, ["description"] = description };

    public static JsonObject Dictionary(string title, string description) => Base("object", title, description);

    private static JsonObject Base(string type, string title, string description) =>
        new() { ["type"] = type, ["title"] = title, ["description"] = description };
}
