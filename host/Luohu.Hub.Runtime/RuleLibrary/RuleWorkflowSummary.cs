namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>One workflow of the library, as lists show it.</summary>
internal sealed record RuleWorkflowSummary(
    string Department,
    string Name,
    string? Description,
    int? LatestVersion,
    bool HasUnpublishedChanges,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);
