using Jint;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// The time limit and the caller's cancellation of one run, checked before every statement (not amortized: a
/// loop of a few heavy statements must stop on time too) and by the hub's own built-ins inside their loops.
/// The engine's per-entry reset is declined; <see cref="Begin"/> and <see cref="End"/> frame one run. The clock is
/// <see cref="Environment.TickCount64"/> (a few milliseconds' resolution, and a third of a high-resolution read's cost).
/// </summary>
internal sealed class RunBudget : Constraint
{
    private long _deadline = long.MaxValue;
    private CancellationToken _cancellation;

    public override bool IsAmortizable => false;

    /// <summary>The time limit of the current run, for the error message.</summary>
    public TimeSpan Timeout { get; private set; }

    public void Begin(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Timeout = timeout;
        _cancellation = cancellationToken;
        _deadline = Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds);
    }

    public void End()
    {
        _deadline = long.MaxValue;
        _cancellation = default;
    }

    public override void Check()
    {
        _cancellation.ThrowIfCancellationRequested();
        if (Environment.TickCount64 > _deadline)
        {
            throw new TimeoutException($"The script ran longer than its time limit ({Timeout.TotalMilliseconds} ms).");
        }
    }

    public override void Reset()
    {
        // Deliberately nothing: one run is one Begin/End window, whatever the engine's entries.
    }
}
