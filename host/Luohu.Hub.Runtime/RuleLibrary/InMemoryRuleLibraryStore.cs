using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>The rules library in memory, for hosts without a store (tests, a bare flow runtime).</summary>
internal sealed class InMemoryRuleLibraryStore(TimeProvider timeProvider) : IRuleLibraryStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<(string Department, string Name), RuleWorkflowRecord> _drafts = [];
    private readonly Dictionary<(string Department, string Name), List<RuleWorkflowVersionRecord>> _versions = [];

    public ValueTask<IReadOnlyList<RuleWorkflowRecord>> ListAsync(string? department, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<RuleWorkflowRecord>>(
                [.. _drafts.Where(d => department is null || d.Key.Department == department).Select(d => WithLatest(d.Value))]);
        }
    }

    public ValueTask<RuleWorkflowRecord?> GetAsync(string department, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_drafts.TryGetValue((department, name), out var record) ? WithLatest(record) : null);
        }
    }

    public ValueTask<RuleWorkflowRecord> UpsertDraftAsync(RuleWorkflowRecord workflow, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var key = (workflow.Department, workflow.Name);
            var stored = _drafts.TryGetValue(key, out var existing)
                ? workflow with { CreatedBy = existing.CreatedBy, CreatedAt = existing.CreatedAt, UpdatedAt = now }
                : workflow with { CreatedBy = workflow.UpdatedBy, CreatedAt = now, UpdatedAt = now };
            _drafts[key] = stored;
            return ValueTask.FromResult(WithLatest(stored));
        }
    }

    public ValueTask<bool> DeleteAsync(string department, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _versions.Remove((department, name));
            return ValueTask.FromResult(_drafts.Remove((department, name)));
        }
    }

    public ValueTask<RuleWorkflowVersionRecord> AddVersionAsync(string department, string name, string json, string author, string? comment, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_drafts.ContainsKey((department, name)))
            {
                throw new KeyNotFoundException($"Rule workflow '{department}/{name}' has no draft; save it before publishing a version.");
            }

            var list = _versions.TryGetValue((department, name), out var existing) ? existing : _versions[(department, name)] = [];
            var record = new RuleWorkflowVersionRecord
            {
                Department = department, Name = name, Version = list.Count + 1, Json = json, Author = author, Comment = comment, CreatedAt = timeProvider.GetUtcNow(),
            };
            list.Add(record);
            return ValueTask.FromResult(record);
        }
    }

    public ValueTask<RuleWorkflowVersionRecord?> GetVersionAsync(string department, string name, int version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_versions.TryGetValue((department, name), out var list) && version >= 1 && version <= list.Count ? list[version - 1] : null);
        }
    }

    public ValueTask<IReadOnlyList<RuleWorkflowVersionRecord>> ListVersionsAsync(string department, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<RuleWorkflowVersionRecord>>(_versions.TryGetValue((department, name), out var list) ? [.. list] : []);
        }
    }

    public ValueTask<IReadOnlyList<RuleWorkflowVersionRecord>> ListLatestAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<RuleWorkflowVersionRecord>>([.. _versions.Values.Where(l => l.Count > 0).Select(l => l[^1])]);
        }
    }

    private RuleWorkflowRecord WithLatest(RuleWorkflowRecord record) =>
        record with { LatestVersion = _versions.TryGetValue((record.Department, record.Name), out var list) && list.Count > 0 ? list.Count : null };
}
