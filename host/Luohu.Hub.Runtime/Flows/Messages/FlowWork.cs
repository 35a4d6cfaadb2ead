namespace Luohu.Hub.Runtime.Flows.Messages;

/// <summary>
/// The work one entering message has caused: node runs counted across every copy a fan-out made, so that wires that
/// multiply a message (a loop with two branches, a lattice of fan-outs) end at a budget instead of running without end.
/// Thread-safe: copies held by a delay or a window run later, on other threads.
/// </summary>
internal sealed class FlowWork
{
    private int _runs;
    private int _exhausted;
    private int _tooDeep;

    /// <summary>Node runs so far.</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Counts one node run; false once the runs pass <paramref name="budget"/>.</summary>
    public bool TryRun(int budget) => Interlocked.Increment(ref _runs) <= budget;

    /// <summary>True for exactly one caller once the budget is spent: the one that reports it.</summary>
    public bool MarkExhausted() => Interlocked.Exchange(ref _exhausted, 1) == 0;

    /// <summary>True for exactly one copy that reaches the hop limit: the one that reports it (the others stop quietly).</summary>
    public bool MarkTooDeep() => Interlocked.Exchange(ref _tooDeep, 1) == 0;
}
