using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>
/// Adds <c>"RuleExpressionType": "JavaScript"</c> to every <c>rule</c> node's workflow that names no dialect: the
/// hub's workflows were JavaScript before the hub ran them on Microsoft RulesEngine, which reads a workflow without
/// one as lambda expressions.
/// </summary>
internal static class RuleDialectUpgrade
{
    /// <summary>The flow's JSON with the dialect declared, or null when nothing needed it (or it is not a flow).</summary>
    public static string? Upgrade(string flowJson)
    {
        JsonNode? flow;
        try
        {
            flow = JsonNode.Parse(flowJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        var changed = false;
        foreach (var node in (flow as JsonObject)?["nodes"] as JsonArray ?? [])
        {
            if (node is JsonObject { } n && n["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)n["type"] == "rule"
                && Property(n["config"] as JsonObject, "workflow") is JsonObject workflow && Property(workflow, "RuleExpressionType") is null)
            {
                workflow["RuleExpressionType"] = "JavaScript";
                changed = true;
            }
        }

        return changed ? flow!.ToJsonString() : null;
    }

    private static JsonNode? Property(JsonObject? obj, string name) =>
        obj?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
