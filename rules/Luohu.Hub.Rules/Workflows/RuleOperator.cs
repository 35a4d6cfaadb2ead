namespace Luohu.Hub.Rules.Workflows;

/// <summary>How a parent combines its nested rules.</summary>
internal enum RuleOperator
{
    /// <summary>All must succeed; every enabled child is evaluated.</summary>
    And,

    /// <summary>All must succeed; stops at the first failure, later children are reported as skipped.</summary>
    AndAlso,

    /// <summary>One must succeed; every enabled child is evaluated.</summary>
    Or,

    /// <summary>One must succeed; stops at the first success, later children are reported as skipped.</summary>
    OrElse,
}

internal static class RuleOperators
{
    public const string Accepted = "And, AndAlso, Or or OrElse";

    public static bool TryParse(string? text, out RuleOperator op)
    {
        op = default;
        return text is not null
            && !int.TryParse(text, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out op)
            && Enum.IsDefined(op);
    }
}
