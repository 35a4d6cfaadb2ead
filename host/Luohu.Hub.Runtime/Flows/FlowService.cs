using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Nodes;
using Luohu.Hub.Runtime.Flows.Persistence;
using Luohu.Hub.Runtime.Security;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>
/// <see cref="IFlowService"/> over the flow repository and the engine. A rollback deploys an earlier version
/// again (recorded as a rollback) and leaves the draft alone, so unsaved work in the designer is never lost;
/// the flow then shows "undeployed changes" if the draft differs.
/// </summary>
internal sealed class FlowService(
    IFlowRepository repository,
    INodeStateRepository nodeStates,
    FlowEngine engine,
    NodeWatches watches,
    FlowValidator validator,
    IFlowNodeTypeRegistry nodeTypes,
    IDepartmentSecrets secrets,
    TimeProvider timeProvider,
    ILogger<FlowService> logger) : IFlowService
{
    // Deploy, rollback and delete of one flow run one at a time, so the stored pointer and the running version agree.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<FlowSummary>> ListAsync(string? department, CancellationToken cancellationToken)
    {
        var drafts = await repository.ListAsync(department, cancellationToken);
        var summaries = new List<FlowSummary>(drafts.Count);
        foreach (var draft in drafts)
        {
            summaries.Add(await SummarizeAsync(draft, cancellationToken));
        }

        return summaries;
    }

    public async Task<FlowDefinition?> GetAsync(string flowId, CancellationToken cancellationToken) =>
        await repository.GetAsync(flowId, cancellationToken) is { } draft ? FlowJson.Deserialize(draft.Json) : null;

    public async Task<FlowSummary?> GetSummaryAsync(string flowId, CancellationToken cancellationToken) =>
        await repository.GetAsync(flowId, cancellationToken) is { } draft ? await SummarizeAsync(draft, cancellationToken) : null;

    public async Task<IReadOnlyList<FlowProblem>> SaveAsync(FlowDefinition flow, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var problems = Validate(flow);
        if (problems.Any(p => p.Path is "id" or "department"))
        {
            throw new FlowException(FlowErrorKind.Invalid, "The flow cannot be saved without a valid id and department.", [.. problems.Where(p => p.Path is "id" or "department")]);
        }

        if (await repository.GetAsync(flow.Id, cancellationToken) is { } existing && existing.Department != flow.Department)
        {
            throw new FlowException(FlowErrorKind.Conflict,
                $"Flow '{flow.Id}' belongs to department '{existing.Department}'; it cannot be saved for '{flow.Department}'. Choose another id.");
        }

        flow = await MoveInlineSecretsAsync(flow, author, cancellationToken);
        problems = Validate(flow);
        await repository.SaveDraftAsync(new FlowDraftRecord
        {
            Id = flow.Id,
            Name = flow.Name,
            Department = flow.Department,
            Json = FlowJson.Serialize(flow),
            UpdatedAt = timeProvider.GetUtcNow(),
            UpdatedBy = author,
        }, cancellationToken);
        return problems;
    }

    /// <summary>
    /// Moves every inline secret of the flow (<see cref="IFlowNodeType.SecretFields"/>) into the department's secrets,
    /// named <c>{flowId}.{nodeId}</c>, and references it instead (<c>{field}Ref</c>). Stored once and audited by name.
    /// </summary>
    private async Task<FlowDefinition> MoveInlineSecretsAsync(FlowDefinition flow, string author, CancellationToken cancellationToken)
    {
        if (flow.Nodes is not { Count: > 0 } nodes)
        {
            return flow;
        }

        var changed = false;
        var moved = new List<FlowNode>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node?.Config is not { ValueKind: JsonValueKind.Object } config || nodeTypes.Find(node.Type)?.SecretFields is not { Count: > 0 } fields
                || !fields.Any(f => config.TryGetProperty(f, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0))
            {
                moved.Add(node!);
                continue;
            }

            var rewritten = JsonNode.Parse(config.GetRawText())!.AsObject();
            foreach (var field in fields)
            {
                if (rewritten[field] is JsonValue value && value.TryGetValue<string>(out var secret) && secret.Length > 0)
                {
                    if (secret.Length > DepartmentSecrets.MaxValueLength)
                    {
                        throw new FlowException(FlowErrorKind.Invalid, $"Node '{node.Id}': the secret in '{field}' is {secret.Length:N0} characters; at most {DepartmentSecrets.MaxValueLength:N0}.",
                            [new FlowProblem($"config.{field}", $"at most {DepartmentSecrets.MaxValueLength:N0} characters") { NodeId = node.Id }]);
                    }

                    var name = WebhookAuthUpgrade.SecretName(flow.Id, field == "secret" ? node.Id : $"{node.Id}.{field}");
                    await secrets.SetAsync(flow.Department, name, secret, AuthorEvent(author, flow.Id), cancellationToken);
                    rewritten.Remove(field);
                    rewritten[field + "Ref"] = name;
                }
            }

            moved.Add(node with { Config = JsonSerializer.SerializeToElement(rewritten) });
            changed = true;
        }

        return changed ? flow with { Nodes = moved } : flow;
    }

    private static AuditEvent AuthorEvent(string author, string flowId) => new()
    {
        Actor = author,
        ActorKind = author.StartsWith("key:", StringComparison.Ordinal) ? "key" : "user",
        Action = "secret.set",
        Detail = $"moved out of flow '{flowId}' when it was saved",
    };

    public async Task DeleteAsync(string flowId, string author, CancellationToken cancellationToken)
    {
        using var held = await LockAsync(flowId, cancellationToken);
        _ = await repository.GetAsync(flowId, cancellationToken) ?? throw NotFound(flowId);
        await engine.StopAsync(flowId, cancellationToken);
        await repository.DeleteAsync(flowId, cancellationToken);
        await nodeStates.DeleteFlowAsync(flowId, cancellationToken);
        FlowLog.Undeployed(logger, flowId);
    }

    public IReadOnlyList<FlowProblem> Validate(FlowDefinition flow) => validator.Validate(flow);

    public async Task<FlowDeployment> DeployAsync(string flowId, string author, string? comment, CancellationToken cancellationToken)
    {
        using var held = await LockAsync(flowId, cancellationToken);
        var draft = await repository.GetAsync(flowId, cancellationToken) ?? throw NotFound(flowId);
        var flow = FlowJson.Deserialize(draft.Json);
        var problems = Validate(flow);
        if (problems.Count > 0)
        {
            throw new FlowException(FlowErrorKind.Invalid, $"Flow '{flowId}' has {problems.Count} problem(s) and was not deployed; the running version is unchanged.", problems);
        }

        var version = await repository.AddVersionAsync(flowId, draft.Json, author, comment, cancellationToken);
        return await RunAsync(flow, version, "deploy", author, cancellationToken);
    }

    public async Task<FlowDeployment> RollbackAsync(string flowId, int version, string author, CancellationToken cancellationToken)
    {
        using var held = await LockAsync(flowId, cancellationToken);
        _ = await repository.GetAsync(flowId, cancellationToken) ?? throw NotFound(flowId);
        var record = await repository.GetVersionAsync(flowId, version, cancellationToken)
            ?? throw new FlowException(FlowErrorKind.NotFound, $"Flow '{flowId}' has no version {version}. GET /api/v1/flows/{flowId}/versions lists them.");
        return await RunAsync(FlowJson.Deserialize(record.Json), record, "rollback", author, cancellationToken);
    }

    public async Task<IReadOnlyList<FlowVersionInfo>> ListVersionsAsync(string flowId, CancellationToken cancellationToken)
    {
        var draft = await repository.GetAsync(flowId, cancellationToken) ?? throw NotFound(flowId);
        var versions = await repository.ListVersionsAsync(flowId, cancellationToken);
        return [.. versions.Select(v => new FlowVersionInfo(v.Version, v.Author, v.CreatedAt, v.Comment, v.Version == draft.DeployedVersion))];
    }

    public async Task<FlowDefinition> GetVersionAsync(string flowId, int version, CancellationToken cancellationToken)
    {
        var record = await repository.GetVersionAsync(flowId, version, cancellationToken)
            ?? throw new FlowException(FlowErrorKind.NotFound, $"Flow '{flowId}' has no version {version}.");
        return FlowJson.Deserialize(record.Json);
    }

    public async Task<FlowDiff> DiffAsync(string flowId, int fromVersion, int toVersion, CancellationToken cancellationToken)
    {
        var from = await GetVersionAsync(flowId, fromVersion, cancellationToken);
        var to = await GetVersionAsync(flowId, toVersion, cancellationToken);
        return FlowDiffer.Diff(fromVersion, from, toVersion, to);
    }

    public async Task<string> InjectAsync(string flowId, string nodeId, string? topic, JsonNode? payload, CancellationToken cancellationToken)
    {
        _ = await repository.GetAsync(flowId, cancellationToken) ?? throw NotFound(flowId);
        var running = engine.Find(flowId)
            ?? throw new FlowException(FlowErrorKind.Conflict, $"Flow '{flowId}' is not deployed; deploy it before injecting test messages.");
        var snapshot = running.Current;
        if (!snapshot.TryGetNode(nodeId, out var index))
        {
            throw new FlowException(FlowErrorKind.NotFound, $"The deployed version {snapshot.Version} of flow '{flowId}' has no node '{nodeId}'.");
        }

        var id = FlowMessage.NewId();
        var message = FlowMessage.Create(id, topic ?? $"inject/{flowId}/{nodeId}", payload?.DeepClone(), new Dictionary<string, string> { ["source"] = "inject" });
        await snapshot.ArriveAsync(index, message, headers: null, cancellationToken);
        return id;
    }

    public async Task<DateTimeOffset> WatchAsync(string flowId, string nodeId, CancellationToken cancellationToken)
    {
        _ = await repository.GetAsync(flowId, cancellationToken) ?? throw NotFound(flowId);
        var snapshot = engine.Find(flowId)?.Current
            ?? throw new FlowException(FlowErrorKind.Conflict, $"Flow '{flowId}' is not deployed; deploy it to watch its nodes.");
        return snapshot.TryGetNode(nodeId, out _)
            ? watches.Watch(flowId, nodeId)
            : throw new FlowException(FlowErrorKind.NotFound, $"The deployed version {snapshot.Version} of flow '{flowId}' has no node '{nodeId}'.");
    }

    private async Task<FlowDeployment> RunAsync(FlowDefinition flow, FlowVersionRecord version, string action, string author, CancellationToken cancellationToken)
    {
        await engine.ApplyAsync(flow, version.Version, cancellationToken);
        await repository.SetDeployedAsync(flow.Id, version.Version, action, author, cancellationToken);
        FlowLog.Deployed(logger, flow.Id, version.Version, author, action);
        return new FlowDeployment(flow.Id, version.Version, author, timeProvider.GetUtcNow());
    }

    private async Task<FlowSummary> SummarizeAsync(FlowDraftRecord draft, CancellationToken cancellationToken)
    {
        var running = engine.Find(draft.Id);
        var error = engine.ErrorOf(draft.Id);
        var changed = true;
        if (draft.DeployedVersion is { } deployed && await repository.GetVersionAsync(draft.Id, deployed, cancellationToken) is { } version)
        {
            changed = !string.Equals(version.Json, draft.Json, StringComparison.Ordinal);
        }

        FlowDefinition? definition = null;
        try
        {
            definition = FlowJson.Deserialize(draft.Json);
        }
        catch (FlowException)
        {
            // A draft that no longer reads still lists, with its stored name.
        }

        return new FlowSummary
        {
            Id = draft.Id,
            Name = draft.Name,
            Department = draft.Department,
            Description = definition?.Description,
            SharedWith = definition?.SharedWith ?? [],
            State = error is not null ? "error" : draft.DeployedVersion is null ? "draft" : "deployed",
            StateReason = error,
            DeployedVersion = draft.DeployedVersion,
            HasUndeployedChanges = changed,
            UpdatedAt = draft.UpdatedAt,
            UpdatedBy = draft.UpdatedBy,
            MessagesPerMinute = running?.Counters.MessagesPerMinute() ?? 0,
            Errors = running?.Counters.Errors ?? 0,
        };
    }

    private async Task<Releaser> LockAsync(string flowId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(flowId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    private static FlowException NotFound(string flowId) =>
        new(FlowErrorKind.NotFound, $"No flow with id '{flowId}'. GET /api/v1/flows lists the flows.");

    private readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
