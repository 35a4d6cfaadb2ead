using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Scripting;
using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>
/// <see cref="IRuleLibrary"/> on its store, with an in-memory index of the latest published version of every
/// workflow (loaded at start, kept current by each publish) that rule nodes read without waiting.
/// </summary>
internal sealed partial class RuleWorkflowLibrary(IRuleLibraryStore store, IFlowScripting scripting) : IRuleLibrary
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Department, string Name), RuleWorkflowFeed> _feeds = [];
    private readonly Dictionary<(string Department, string Name), int> _latest = [];
    private readonly HashSet<(string Department, string Name)> _names = [];
    private readonly Dictionary<(string Department, string Name), List<string>> _users = [];
    private readonly Dictionary<(string Department, string Name, int Version), LibraryWorkflowVersion> _pinned = [];

    public async ValueTask InitializeAsync(CancellationToken cancellationToken)
    {
        foreach (var workflow in await store.ListAsync(null, cancellationToken))
        {
            lock (_gate)
            {
                _names.Add((workflow.Department, workflow.Name));
            }
        }

        foreach (var version in await store.ListLatestAsync(cancellationToken))
        {
            Index(version);
        }
    }

    public async ValueTask<IReadOnlyList<RuleWorkflowSummary>> ListAsync(string? department, CancellationToken cancellationToken)
    {
        var records = await store.ListAsync(department, cancellationToken);
        var summaries = new List<RuleWorkflowSummary>(records.Count);
        foreach (var record in records)
        {
            summaries.Add(new RuleWorkflowSummary(record.Department, record.Name, record.Description, record.LatestVersion,
                await HasUnpublishedChangesAsync(record, cancellationToken), record.UpdatedBy, record.UpdatedAt));
        }

        return summaries;
    }

    public async ValueTask<RuleWorkflowDetail> GetAsync(string department, string name, CancellationToken cancellationToken)
    {
        var record = await RequireAsync(department, name, cancellationToken);
        var versions = await store.ListVersionsAsync(department, name, cancellationToken);
        return new RuleWorkflowDetail(
            record.Department, record.Name, record.Description, Parse(record.Draft), record.TestCases is null ? null : Parse(record.TestCases) as JsonObject,
            record.LatestVersion, await HasUnpublishedChangesAsync(record, cancellationToken), [.. versions.Select(Info)], UsersOf(department, name),
            record.UpdatedBy, record.UpdatedAt);
    }

    public async ValueTask<RuleDraftSaved> SaveDraftAsync(
        string department, string name, JsonNode workflow, JsonObject? testCases, string? description, bool create, string author, CancellationToken cancellationToken)
    {
        RuleWorkflowNames.Ensure(department, name);
        var draft = Named(workflow, name);
        EnsureCases(testCases);
        if (create && await store.GetAsync(department, name, cancellationToken) is not null)
        {
            throw new RuleLibraryException(RuleLibraryErrorKind.Conflict,
                $"Department '{department}' already has a rule workflow named '{name}'. Open it (GET /api/v1/rules/library/{department}/{name}) or choose another name.");
        }

        await store.UpsertDraftAsync(new RuleWorkflowRecord
        {
            Department = department,
            Name = name,
            Description = description,
            Draft = draft.ToJsonString(Indented),
            TestCases = testCases?.ToJsonString(Indented),
            UpdatedBy = author,
        }, cancellationToken);
        lock (_gate)
        {
            _names.Add((department, name));
        }

        return new RuleDraftSaved(department, name, Validate(draft, testCases));
    }

    public async ValueTask DeleteAsync(string department, string name, CancellationToken cancellationToken)
    {
        await RequireAsync(department, name, cancellationToken);
        if (UsersOf(department, name) is { Count: > 0 } users)
        {
            throw new RuleLibraryException(RuleLibraryErrorKind.Conflict,
                $"Rule workflow '{department}/{name}' is used by the deployed flow(s) {string.Join(", ", users)}; change or undeploy them first.");
        }

        await store.DeleteAsync(department, name, cancellationToken);
        lock (_gate)
        {
            _names.Remove((department, name));
            _latest.Remove((department, name));
            if (_feeds.Remove((department, name), out var feed))
            {
                feed.Publish(null);
            }

            foreach (var key in _pinned.Keys.Where(k => k.Department == department && k.Name == name).ToList())
            {
                _pinned.Remove(key);
            }
        }
    }

    public async ValueTask<RuleWorkflowVersionInfo> PublishAsync(string department, string name, string author, string? comment, CancellationToken cancellationToken)
    {
        var record = await RequireAsync(department, name, cancellationToken);
        var draft = Parse(record.Draft);
        var problems = Validate(draft, record.TestCases is null ? null : Parse(record.TestCases) as JsonObject);
        if (problems.Count > 0)
        {
            throw new RuleLibraryException(RuleLibraryErrorKind.Invalid,
                $"Rule workflow '{department}/{name}' has {problems.Count} problem(s) and was not published; fix them (see problems) and publish again.", problems);
        }

        var version = await store.AddVersionAsync(department, name, record.Draft, author, comment, cancellationToken);
        Index(version);
        return Info(version);
    }

    public async ValueTask<IReadOnlyList<RuleWorkflowVersionInfo>> ListVersionsAsync(string department, string name, CancellationToken cancellationToken)
    {
        await RequireAsync(department, name, cancellationToken);
        return [.. (await store.ListVersionsAsync(department, name, cancellationToken)).Select(Info)];
    }

    public async ValueTask<RuleWorkflowVersionDocument> GetVersionAsync(string department, string name, int version, CancellationToken cancellationToken)
    {
        var record = await RequireVersionAsync(department, name, version, cancellationToken);
        return new RuleWorkflowVersionDocument(record.Department, record.Name, record.Version, record.Author, record.Comment, record.CreatedAt, Parse(record.Json));
    }

    public async ValueTask<IReadOnlyList<RuleWorkflowChange>> DiffAsync(string department, string name, int from, int to, CancellationToken cancellationToken)
    {
        var before = await RequireVersionAsync(department, name, from, cancellationToken);
        var after = await RequireVersionAsync(department, name, to, cancellationToken);
        return JsonDiff.Compare(Parse(before.Json), Parse(after.Json));
    }

    public async ValueTask<RuleWorkflowVersionInfo> RollbackAsync(string department, string name, int version, string author, CancellationToken cancellationToken)
    {
        var earlier = await RequireVersionAsync(department, name, version, cancellationToken);
        var published = await store.AddVersionAsync(department, name, earlier.Json, author, $"rollback to version {version}", cancellationToken);
        Index(published);
        return Info(published);
    }

    public IReadOnlyCollection<int>? PublishedVersions(string department, string name)
    {
        lock (_gate)
        {
            return _latest.TryGetValue((department, name), out var latest) ? [.. Enumerable.Range(1, latest)]
                : _names.Contains((department, name)) ? []
                : null;
        }
    }

    public RuleWorkflowFeed Follow(string department, string name)
    {
        lock (_gate)
        {
            return _feeds.TryGetValue((department, name), out var feed) ? feed : _feeds[(department, name)] = new RuleWorkflowFeed(department, name);
        }
    }

    public async ValueTask<LibraryWorkflowVersion> LoadAsync(string department, string name, int version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pinned.TryGetValue((department, name, version), out var cached))
            {
                return cached;
            }
        }

        var record = await RequireVersionAsync(department, name, version, cancellationToken);
        var loaded = new LibraryWorkflowVersion(department, name, version, scripting.ParseWorkflow(Parse(record.Json)));
        lock (_gate)
        {
            return _pinned.TryAdd((department, name, version), loaded) ? loaded : _pinned[(department, name, version)];
        }
    }

    public IDisposable Attach(string department, string name, string flowId)
    {
        lock (_gate)
        {
            (_users.TryGetValue((department, name), out var users) ? users : _users[(department, name)] = []).Add(flowId);
        }

        return new Detach(this, department, name, flowId);
    }

    private void Index(RuleWorkflowVersionRecord version)
    {
        var parsed = new LibraryWorkflowVersion(version.Department, version.Name, version.Version, scripting.ParseWorkflow(Parse(version.Json)));
        lock (_gate)
        {
            if (_latest.TryGetValue((version.Department, version.Name), out var latest) && latest > version.Version)
            {
                return;
            }

            _latest[(version.Department, version.Name)] = version.Version;
            var feed = _feeds.TryGetValue((version.Department, version.Name), out var existing)
                ? existing
                : _feeds[(version.Department, version.Name)] = new RuleWorkflowFeed(version.Department, version.Name);
            feed.Publish(parsed);
        }
    }

    private IReadOnlyList<string> UsersOf(string department, string name)
    {
        lock (_gate)
        {
            return _users.TryGetValue((department, name), out var users) ? [.. users.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : [];
        }
    }

    private sealed class Detach(RuleWorkflowLibrary library, string department, string name, string flowId) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                lock (library._gate)
                {
                    if (library._users.TryGetValue((department, name), out var users))
                    {
                        users.Remove(flowId);
                    }
                }
            }
        }
    }
}
