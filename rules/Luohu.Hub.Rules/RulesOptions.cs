using Luohu.Hub.Rules.Scripting;
using RulesEngine.Actions;

namespace Luohu.Hub.Rules;

/// <summary>Settings of the rules library, bound from configuration (section <c>Hub:Rules</c> in the host).</summary>
public sealed class RulesOptions
{
    /// <summary>Limits for departments without their own entry. Default: <see cref="ScriptLimits"/>' defaults.</summary>
    public ScriptLimits DefaultLimits { get; set; } = new();

    /// <summary>
    /// Limits per department id (case-insensitive). An entry replaces the defaults as a whole: a limit the entry
    /// leaves out takes <see cref="ScriptLimits"/>' built-in default, not <see cref="DefaultLimits"/>. Empty by default.
    /// </summary>
    public Dictionary<string, ScriptLimits> Departments { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parsed scripts kept in memory, least recently used dropped first. Default 1024.</summary>
    public int ScriptCacheSize { get; set; } = 1024;

    /// <summary>Compiled workflows kept in memory (each holds its RulesEngine and compiled lambdas). Default 256.</summary>
    public int WorkflowCacheSize { get; set; } = 256;

    /// <summary>
    /// RulesEngine actions besides <c>OutputExpression</c> and <c>EvaluateRule</c>, by the name rules use
    /// (RulesEngine's <c>ReSettings.CustomActions</c>). Empty by default.
    /// </summary>
    public Dictionary<string, Func<ActionBase>> CustomActions { get; } = new(StringComparer.Ordinal);

    /// <summary>The limits for <paramref name="department"/>: its own entry, or <see cref="DefaultLimits"/>.</summary>
    public ScriptLimits ResolveLimits(string? department) =>
        department is not null && Departments.TryGetValue(department, out var limits) ? limits : DefaultLimits;
}
