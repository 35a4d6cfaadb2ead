using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>
/// Webhooks before schema 7 took anonymous requests unless told otherwise and kept their secret in the flow. Every
/// stored <c>trigger.http</c> now says what it did: no <c>auth</c> (or <c>none</c>) becomes the explicit
/// <c>public</c>, and an inline <c>secret</c> leaves the flow for the department's secrets, named
/// <c>{flowId}.{nodeId}</c>, which the node then references (<c>secretRef</c>).
/// </summary>
internal static class WebhookAuthUpgrade
{
    /// <summary>The flow's JSON rewritten and the secrets taken out of it, or null when nothing needed it.</summary>
    public static (string Json, IReadOnlyList<(string Department, string Name, string Value)> Secrets)? Upgrade(string flowJson)
    {
        if (Parse(flowJson) is not JsonObject flow || (string?)Text(flow["id"]) is not { } flowId || (string?)Text(flow["department"]) is not { } department)
        {
            return null;
        }

        var secrets = new List<(string, string, string)>();
        var changed = false;
        foreach (var node in flow["nodes"] as JsonArray ?? [])
        {
            if (node is not JsonObject n || (string?)Text(n["type"]) != "trigger.http" || Text(n["id"]) is not { } nodeId)
            {
                continue;
            }

            if (n["config"] is not JsonObject config)
            {
                continue;
            }

            if (Text(config["auth"]) is null or "none")
            {
                config["auth"] = "public";
                changed = true;
            }

            if (Text(config["secret"]) is { Length: > 0 } secret)
            {
                var name = SecretName(flowId, nodeId);
                config.Remove("secret");
                config["secretRef"] = name;
                secrets.Add((department, name, secret));
                changed = true;
            }
        }

        return changed ? (flow.ToJsonString(), secrets) : null;
    }

    /// <summary>The name a secret moved out of a flow gets: <c>{flowId}.{nodeId}</c> in the secrets' alphabet.</summary>
    public static string SecretName(string flowId, string nodeId)
    {
        var name = string.Concat($"{flowId}.{nodeId}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-'));
        return name.Length <= 100 ? name : name[..100];
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? (string?)node : null;

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
