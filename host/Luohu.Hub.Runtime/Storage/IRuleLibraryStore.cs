namespace Luohu.Hub.Runtime.Storage;

/// <summary>The rules library: drafts and published versions of rule workflows, by department and name.</summary>
internal interface IRuleLibraryStore
{
    /// <summary>Every workflow, or those of one department, ordered by department and name.</summary>
    ValueTask<IReadOnlyList<RuleWorkflowRecord>> ListAsync(string? department, CancellationToken cancellationToken);

    ValueTask<RuleWorkflowRecord?> GetAsync(string department, string name, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the draft; keeps the creation fields of an existing workflow. Returns it as stored.</summary>
    ValueTask<RuleWorkflowRecord> UpsertDraftAsync(RuleWorkflowRecord workflow, CancellationToken cancellationToken);

    /// <summary>Removes the workflow and its versions. False when absent.</summary>
    ValueTask<bool> DeleteAsync(string department, string name, CancellationToken cancellationToken);

    /// <summary>Adds the next version (highest + 1, atomic). Throws <see cref="KeyNotFoundException"/> when the workflow has no draft.</summary>
    ValueTask<RuleWorkflowVersionRecord> AddVersionAsync(string department, string name, string json, string author, string? comment, CancellationToken cancellationToken);

    ValueTask<RuleWorkflowVersionRecord?> GetVersionAsync(string department, string name, int version, CancellationToken cancellationToken);

    /// <summary>Every version of a workflow, oldest first.</summary>
    ValueTask<IReadOnlyList<RuleWorkflowVersionRecord>> ListVersionsAsync(string department, string name, CancellationToken cancellationToken);

    /// <summary>The latest version of every workflow that has one, for the library's index at start.</summary>
    ValueTask<IReadOnlyList<RuleWorkflowVersionRecord>> ListLatestAsync(CancellationToken cancellationToken);
}
