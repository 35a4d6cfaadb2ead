namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Limits applied to every script run. The defaults suit a rule that looks at one message;
/// a department that runs heavier scripts gets its own limits through <see cref="RulesOptions.Departments"/>.
/// </summary>
public sealed record ScriptLimits
{
    /// <summary>Highest <see cref="MaxRecursionDepth"/> accepted: Jint recurses on the native stack, and deeper
    /// JavaScript recursion could overflow a thread-pool thread's stack and end the process.</summary>
    public const int RecursionDepthCeiling = 256;

    /// <summary>Statements a run may execute. Default 100,000.</summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>Wall-clock time a run may take. Default 250 ms.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Nested JavaScript calls a run may make. Default 64, at most <see cref="RecursionDepthCeiling"/>.</summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>Size, as UTF-8 JSON, of the value a script returns or stores with <c>ctx.set</c>. Default 1 MiB.</summary>
    public int MaxResultBytes { get; init; } = 1024 * 1024;

    /// <summary>Throws when a limit is out of its range, naming the limit and the accepted range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero, negative or above its ceiling.</exception>
    public void EnsureValid()
    {
        if (MaxStatements <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxStatements), MaxStatements, "ScriptLimits.MaxStatements must be positive.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "ScriptLimits.Timeout must be positive.");
        }

        if (MaxRecursionDepth is <= 0 or > RecursionDepthCeiling)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxRecursionDepth), MaxRecursionDepth, $"ScriptLimits.MaxRecursionDepth must be between 1 and {RecursionDepthCeiling}.");
        }

        if (MaxResultBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResultBytes), MaxResultBytes, "ScriptLimits.MaxResultBytes must be positive.");
        }
    }
}
