using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>Per-call settings of <see cref="WorkflowEngine.EvaluateAsync"/>.</summary>
public sealed record RuleEvaluationOptions
{
    /// <summary>Default settings: the default limits, no state, logs dropped.</summary>
    public static RuleEvaluationOptions Default { get; } = new();

    /// <summary>Department whose script limits apply (<see cref="RulesOptions.ResolveLimits"/>); default none (the defaults).</summary>
    public string? Department { get; init; }

    /// <summary>Limits for every JavaScript expression of this evaluation; overrides <see cref="Department"/> when set.</summary>
    public ScriptLimits? Limits { get; init; }

    /// <summary>Node or flow state for <c>ctx.get</c>/<c>ctx.set</c> in JavaScript expressions; default none.</summary>
    public IScriptState? State { get; init; }

    /// <summary>Receives what the JavaScript expressions log; default none (logs are dropped).</summary>
    public Action<ScriptLogEntry>? LogSink { get; init; }
}
