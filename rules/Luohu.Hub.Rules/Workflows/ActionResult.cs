using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>What an action produced. An action that throws leaves the rule's outcome unchanged and reports here.</summary>
public sealed record ActionResult
{
    /// <summary>The action's name.</summary>
    public required string ActionName { get; init; }

    /// <summary>The action's output, as JSON.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Why the action failed, when it did.</summary>
    public string? Exception { get; init; }
}
