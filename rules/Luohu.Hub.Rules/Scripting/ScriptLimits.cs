namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Limits applied to every script run. The defaults suit a rule that looks at one message; a department that
/// runs heavier scripts gets its own limits through <see cref="RulesOptions.Departments"/>. Every limit also holds
/// inside the built-ins (a regular expression, a <c>join</c> of large strings), not only between statements.
/// </summary>
public sealed record ScriptLimits
{
    /// <summary>Highest <see cref="MaxRecursionDepth"/> accepted. The engine's stack guard already turns a native stack
    /// overflow into a RangeError; this only keeps a configuration typo from asking for something meaningless.</summary>
    public const int RecursionDepthCeiling = 10_000;

    /// <summary>Statements a run may execute. Default 100,000.</summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>Wall-clock time a run may take, built-ins and regular expressions included. Default 250 ms.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Nested JavaScript calls a run may make. Default 64, at most <see cref="RecursionDepthCeiling"/>.</summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>
    /// Bytes a run may allocate in total (the engine counts allocation, not memory in use). Default 64 MiB: a run
    /// within the default statement and time limits allocates well under 20 MiB even when every statement builds
    /// objects (measured by the rules benchmarks), while a value that grows without end (a string doubled in a
    /// loop) reaches it within a few statements. A department that raises <see cref="MaxStatements"/> tenfold
    /// should raise this with it.
    /// </summary>
    public long MaxMemoryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Longest string a built-in may produce (<c>repeat</c>, <c>padStart</c>, <c>join</c>, <c>concat</c>,
    /// <c>replace</c>). Default 4,194,304 characters (8 MiB).</summary>
    public int MaxStringLength { get; init; } = 4 * 1024 * 1024;

    /// <summary>Longest array a run may create. Default 1,000,000 elements.</summary>
    public int MaxArrayLength { get; init; } = 1_000_000;

    /// <summary>Size, as UTF-8 JSON, of the value a script returns or stores with <c>ctx.set</c>. Default 1 MiB.</summary>
    public int MaxResultBytes { get; init; } = 1024 * 1024;

    /// <summary>Throws when a limit is out of its range, naming the limit and the accepted range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero, negative or above its ceiling.</exception>
    public void EnsureValid()
    {
        Positive(MaxStatements, nameof(MaxStatements));
        Positive(MaxMemoryBytes, nameof(MaxMemoryBytes));
        Positive(MaxStringLength, nameof(MaxStringLength));
        Positive(MaxArrayLength, nameof(MaxArrayLength));
        Positive(MaxResultBytes, nameof(MaxResultBytes));
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "ScriptLimits.Timeout must be positive and at most one hour.");
        }

        if (MaxRecursionDepth is <= 0 or > RecursionDepthCeiling)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxRecursionDepth), MaxRecursionDepth, $"ScriptLimits.MaxRecursionDepth must be between 1 and {RecursionDepthCeiling}.");
        }
    }

    private static void Positive(long value, string name)
    {
        if (value <= 0 || value == long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, $"ScriptLimits.{name} must be positive.");
        }
    }
}
