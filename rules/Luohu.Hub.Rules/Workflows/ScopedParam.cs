namespace Luohu.Hub.Rules.Workflows;

/// <summary>A named expression (a RulesEngine "scoped param") in its owner's dialect, evaluated before the rules that see it.</summary>
public sealed record ScopedParam
{
    /// <summary>The variable name the rules use; an identifier.</summary>
    public string? Name { get; init; }

    /// <summary>The expression giving its value (any JSON value).</summary>
    public string? Expression { get; init; }
}
