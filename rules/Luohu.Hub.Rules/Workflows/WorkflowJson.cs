using System.Text.Json;
using System.Text.Json.Serialization;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>Reads workflows (RulesEngine JSON, case-insensitive) and writes results (camelCase).</summary>
public static class WorkflowJson
{
    /// <summary>Options for reading workflows: case-insensitive names, comments and trailing commas allowed.</summary>
    public static JsonSerializerOptions ReadOptions { get; } = new(JsonSerializerDefaults.General)
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Options for writing results: camelCase, nulls left out.</summary>
    public static JsonSerializerOptions WriteOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a workflow.</summary>
    /// <exception cref="JsonException">The text is not a workflow; the exception has the path, line and byte position.</exception>
    public static Workflow Parse(string json) =>
        JsonSerializer.Deserialize<Workflow>(json, ReadOptions) ?? throw new JsonException("The workflow JSON is null; send an object with WorkflowName and Rules.");
}
