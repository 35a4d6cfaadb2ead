namespace Luohu.Hub.Rules.Workflows;

/// <summary>The actions of a rule.</summary>
public sealed record RuleActions
{
    /// <summary>Runs when the rule succeeds.</summary>
    public ActionInfo? OnSuccess { get; init; }

    /// <summary>Runs when the rule fails (including when its expression errs).</summary>
    public ActionInfo? OnFailure { get; init; }
}
