using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>A library workflow with its draft, its input cases and its published versions.</summary>
internal sealed record RuleWorkflowDetail(
    string Department,
    string Name,
    string? Description,
    JsonNode Draft,
    JsonObject? TestCases,
    int? LatestVersion,
    bool HasUnpublishedChanges,
    IReadOnlyList<RuleWorkflowVersionInfo> Versions,
    IReadOnlyList<string> FollowedBy,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);
