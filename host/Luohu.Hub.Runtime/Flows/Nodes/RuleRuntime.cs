using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;
using Luohu.Hub.Runtime.RuleLibrary;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class RuleRuntime(NodeBuildContext context, RuleNodeType.Settings settings) : FlowNodeRuntime(context)
{
    private readonly FlowWorkflow? _embedded = settings.Workflow is { } workflow ? context.Host.Services.Scripting.ParseWorkflow(workflow) : null;
    private readonly RuleWorkflowFeed? _feed = settings is { Library: { } name, Version: null } ? context.Host.Services.Library.Follow(context.Host.Department, name) : null;
    private readonly MessagePath _resultField = settings.ResultField ?? MessagePath.Parse("rule");
    private Task<LibraryWorkflowVersion>? _pinned;
    private IDisposable? _attached;

    public override void Start()
    {
        if (settings.Library is { } name)
        {
            _attached = Host.Services.Library.Attach(Host.Department, name, Host.FlowId);
        }
    }

    public override ValueTask StopAsync()
    {
        _attached?.Dispose();
        return ValueTask.CompletedTask;
    }

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        // A follower reads the feed once per message: a publish while messages stream takes effect from the next
        // message that reaches the node, and each message is evaluated by exactly one version.
        var library = _embedded is null ? _feed?.Current ?? await PinnedAsync(cancellationToken) : null;
        var workflow = _embedded ?? library!.Workflow;
        var outcome = await Host.Services.Scripting.EvaluateWorkflowAsync(workflow, message.Body, Host.State, Host.Department, cancellationToken);
        if (library is not null && outcome.ResultTree is JsonObject tree)
        {
            tree["version"] = library.Version;
        }

        // Evaluating never changes the message, so the result goes onto it once the workflow has run.
        _resultField.Set(message.Body, outcome.ResultTree);
        await Host.EmitAsync(outcome.IsSuccess ? 0 : 1, message, cancellationToken);
    }

    private async ValueTask<LibraryWorkflowVersion> PinnedAsync(CancellationToken cancellationToken)
    {
        if (_feed is not null)
        {
            throw new InvalidOperationException($"Rule workflow '{Host.Department}/{settings.Library}' has no published version (it was deleted or never published).");
        }

        // Loaded on the first message (deploy validation checked that the version exists) and kept: a version never changes.
        var pinned = _pinned ??= Host.Services.Library.LoadAsync(Host.Department, settings.Library!, settings.Version!.Value, CancellationToken.None).AsTask();
        try
        {
            return await pinned.WaitAsync(cancellationToken);
        }
        catch (RuleLibraryException) when (ReferenceEquals(_pinned, pinned))
        {
            _pinned = null;
            throw;
        }
    }
}
