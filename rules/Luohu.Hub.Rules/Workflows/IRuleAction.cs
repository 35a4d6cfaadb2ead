using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// An action a rule can run on success or failure. The runtime adds its own (e.g. <c>Publish</c>,
/// <c>InvokeCapability</c>) by registering implementations; a name that matches a built-in replaces it.
/// </summary>
public interface IRuleAction
{
    /// <summary>The name used in <c>Actions.OnSuccess.Name</c>; compared case-insensitively.</summary>
    string Name { get; }

    /// <summary>Runs the action; its return value becomes <see cref="ActionResult.Output"/>; an exception becomes <see cref="ActionResult.Exception"/>.</summary>
    ValueTask<JsonNode?> ExecuteAsync(ActionContext context, CancellationToken cancellationToken);
}
