using System.Text.Json;
using System.Text.Json.Serialization;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>The flow file's JSON: camelCase as the records declare, nulls left out, tolerant of comments and trailing commas.</summary>
internal static class FlowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string Serialize(FlowDefinition flow) => JsonSerializer.Serialize(flow, Options);

    /// <exception cref="FlowException">The text is not a flow file; the message says where.</exception>
    public static FlowDefinition Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<FlowDefinition>(json, Options)
                ?? throw new FlowException(FlowErrorKind.Invalid, "The flow JSON is 'null'; expected an object with id, name, department, nodes and wires.");
        }
        catch (JsonException ex)
        {
            throw new FlowException(FlowErrorKind.Invalid, $"The flow JSON cannot be read at {ex.Path} (line {ex.LineNumber + 1}): {ex.Message}",
                [new FlowProblem(ex.Path ?? "$", ex.Message) { Line = (int?)(ex.LineNumber + 1), Column = (int?)(ex.BytePositionInLine + 1) }]);
        }
    }
}
