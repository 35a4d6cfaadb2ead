using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>Per-call settings of <see cref="RulesEngine.EvaluateAsync"/>.</summary>
public sealed record RuleEvaluationOptions
{
    /// <summary>Department whose script limits apply (<see cref="RulesOptions.ResolveLimits"/>); default none (the defaults).</summary>
    public string? Department { get; init; }

    /// <summary>Limits for every script of this evaluation; overrides <see cref="Department"/> when set.</summary>
    public ScriptLimits? Limits { get; init; }

    /// <summary>How many <c>EvaluateRule</c> actions may chain into each other. Default 8.</summary>
    public int MaxChainDepth { get; init; } = 8;

    /// <summary>Node or flow state for <c>ctx.get</c>/<c>ctx.set</c> in expressions; default none.</summary>
    public IScriptState? State { get; init; }

    /// <summary>Receives what the expressions log; default none (logs are dropped).</summary>
    public Action<ScriptLogEntry>? LogSink { get; init; }
}
