using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>A workflow's verdict and the result tree a person can read.</summary>
internal sealed record WorkflowOutcome(bool IsSuccess, JsonNode? ResultTree);
