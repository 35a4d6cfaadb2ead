namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Flows in memory: tests, and hosts run without a database. Lost at restart.</summary>
internal sealed class InMemoryFlowRepository(TimeProvider timeProvider) : IFlowRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FlowDraftRecord> _drafts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FlowVersionRecord>> _versions = new(StringComparer.Ordinal);
    private readonly List<(string FlowId, int? Version, string Action, string Author, DateTimeOffset At)> _history = [];

    public Task<IReadOnlyList<FlowDraftRecord>> ListAsync(string? department, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<FlowDraftRecord> list = [.. _drafts.Values
                .Where(d => department is null || string.Equals(d.Department, department, StringComparison.Ordinal))
                .OrderBy(d => d.Id, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    public Task<FlowDraftRecord?> GetAsync(string flowId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_drafts.GetValueOrDefault(flowId));
        }
    }

    public Task SaveDraftAsync(FlowDraftRecord draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            var deployed = _drafts.GetValueOrDefault(draft.Id)?.DeployedVersion;
            _drafts[draft.Id] = draft with { DeployedVersion = deployed };
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string flowId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _drafts.Remove(flowId);
            _versions.Remove(flowId);
        }

        return Task.CompletedTask;
    }

    public Task<FlowVersionRecord> AddVersionAsync(string flowId, string json, string author, string? comment, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_versions.TryGetValue(flowId, out var versions))
            {
                _versions[flowId] = versions = [];
            }

            var record = new FlowVersionRecord(flowId, versions.Count + 1, json, author, timeProvider.GetUtcNow(), comment);
            versions.Add(record);
            return Task.FromResult(record);
        }
    }

    public Task<FlowVersionRecord?> GetVersionAsync(string flowId, int version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var versions = _versions.GetValueOrDefault(flowId);
            return Task.FromResult(versions is not null && version >= 1 && version <= versions.Count ? versions[version - 1] : null);
        }
    }

    public Task<IReadOnlyList<FlowVersionRecord>> ListVersionsAsync(string flowId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<FlowVersionRecord> list = [.. (_versions.GetValueOrDefault(flowId) ?? []).AsEnumerable().Reverse()];
            return Task.FromResult(list);
        }
    }

    public Task SetDeployedAsync(string flowId, int? version, string action, string author, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_drafts.TryGetValue(flowId, out var draft))
            {
                _drafts[flowId] = draft with { DeployedVersion = version };
            }

            _history.Add((flowId, version, action, author, timeProvider.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FlowVersionRecord>> ListDeployedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<FlowVersionRecord> list = [.. _drafts.Values
                .Where(d => d.DeployedVersion is not null)
                .Select(d => _versions[d.Id][d.DeployedVersion!.Value - 1])];
            return Task.FromResult(list);
        }
    }
}
