using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>
/// The rules library: each department's rule workflows by name, edited as drafts and published as immutable versions
/// that rule nodes follow (the latest, live) or pin. Errors are <see cref="RuleLibraryException"/>.
/// </summary>
internal interface IRuleLibrary
{
    /// <summary>Loads the published versions' index; the flows call it before they start.</summary>
    ValueTask InitializeAsync(CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<RuleWorkflowSummary>> ListAsync(string? department, CancellationToken cancellationToken);

    ValueTask<RuleWorkflowDetail> GetAsync(string department, string name, CancellationToken cancellationToken);

    /// <summary>Saves the draft (creating the workflow when <paramref name="create"/>, which fails if it exists) and reports its problems.</summary>
    ValueTask<RuleDraftSaved> SaveDraftAsync(string department, string name, JsonNode workflow, JsonObject? testCases, string? description, bool create, string author, CancellationToken cancellationToken);

    /// <summary>Deletes the workflow and its versions; refused while deployed flows follow or pin it.</summary>
    ValueTask DeleteAsync(string department, string name, CancellationToken cancellationToken);

    /// <summary>Validates the draft and publishes it as the next version; followers evaluate it from their next message.</summary>
    ValueTask<RuleWorkflowVersionInfo> PublishAsync(string department, string name, string author, string? comment, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<RuleWorkflowVersionInfo>> ListVersionsAsync(string department, string name, CancellationToken cancellationToken);

    ValueTask<RuleWorkflowVersionDocument> GetVersionAsync(string department, string name, int version, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<RuleWorkflowChange>> DiffAsync(string department, string name, int from, int to, CancellationToken cancellationToken);

    /// <summary>Publishes the content of <paramref name="version"/> again, as the next version (the history stays whole).</summary>
    ValueTask<RuleWorkflowVersionInfo> RollbackAsync(string department, string name, int version, string author, CancellationToken cancellationToken);

    /// <summary>Saves each workflow of <paramref name="body"/> (one RulesEngine workflow, or an array of them) as a draft; publishes each valid one when asked.</summary>
    ValueTask<IReadOnlyList<RuleImportResult>> ImportAsync(string department, JsonNode body, bool publish, string author, CancellationToken cancellationToken);

    /// <summary>The latest published version of every workflow of <paramref name="department"/>, as RulesEngine JSON.</summary>
    ValueTask<JsonArray> ExportAsync(string department, CancellationToken cancellationToken);

    /// <summary>The published version numbers of a workflow (empty when it has none), or null when the department has no such workflow.</summary>
    IReadOnlyCollection<int>? PublishedVersions(string department, string name);

    /// <summary>The feed of a workflow's latest version, for a rule node that follows it.</summary>
    RuleWorkflowFeed Follow(string department, string name);

    /// <summary>A published version, for a rule node pinned to it.</summary>
    ValueTask<LibraryWorkflowVersion> LoadAsync(string department, string name, int version, CancellationToken cancellationToken);

    /// <summary>Records that a running rule node of <paramref name="flowId"/> uses the workflow (deletion is refused while any does).</summary>
    IDisposable Attach(string department, string name, string flowId);
}
