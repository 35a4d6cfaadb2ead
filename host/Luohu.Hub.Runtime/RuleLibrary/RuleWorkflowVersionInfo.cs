using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>A published version: who, when, why.</summary>
internal sealed record RuleWorkflowVersionInfo(int Version, string Author, string? Comment, DateTimeOffset CreatedAt);

/// <summary>A published version with its workflow.</summary>
internal sealed record RuleWorkflowVersionDocument(string Department, string Name, int Version, string Author, string? Comment, DateTimeOffset CreatedAt, JsonNode Workflow);

/// <summary>What saving a draft found: the workflow's problems (a draft is saved even with problems; publishing is not).</summary>
internal sealed record RuleDraftSaved(string Department, string Name, IReadOnlyList<Flows.Scripting.FlowScriptProblem> Problems);

/// <summary>One workflow of an import: saved as a draft, and the version when it was published, or why not.</summary>
internal sealed record RuleImportResult(string Name, bool Created, int? PublishedVersion, IReadOnlyList<Flows.Scripting.FlowScriptProblem> Problems);

/// <summary>One difference between two versions: where (<c>Rules[0].Expression</c>), before and after (null when absent).</summary>
internal sealed record RuleWorkflowChange(string Path, JsonNode? Before, JsonNode? After);
