using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Rules;

/// <summary>Settings of the rules library, bound from configuration (section <c>Rules</c> by convention).</summary>
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

    /// <summary>The limits for <paramref name="department"/>: its own entry, or <see cref="DefaultLimits"/>.</summary>
    public ScriptLimits ResolveLimits(string? department) =>
        department is not null && Departments.TryGetValue(department, out var limits) ? limits : DefaultLimits;
}
