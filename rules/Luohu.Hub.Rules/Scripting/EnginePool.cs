namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Engines for one set of limits, reused across runs. An engine that ended a run in an unknown state (a limit, a
/// cancellation, an engine failure) is dropped rather than returned; at most <see cref="Capacity"/> idle engines are
/// kept, in slots taken and given back with one interlocked exchange each (no lock, no allocation). A thread starts
/// at its own slot, so it usually gets back the engine it used last, still warm in its cache.
/// </summary>
internal sealed class EnginePool(ScriptLimits limits, TimeProvider time)
{
    private readonly SandboxEngine?[] _idle = new SandboxEngine?[Capacity];

    public static int Capacity { get; } = Math.Max(4, Environment.ProcessorCount * 2);

    public SandboxEngine Rent()
    {
        var start = Environment.CurrentManagedThreadId;
        for (var i = 0; i < _idle.Length; i++)
        {
            if (Interlocked.Exchange(ref _idle[(start + i) % _idle.Length], null) is { } engine)
            {
                return engine;
            }
        }

        return new SandboxEngine(limits, time);
    }

    public void Return(SandboxEngine engine)
    {
        var start = Environment.CurrentManagedThreadId;
        for (var i = 0; i < _idle.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _idle[(start + i) % _idle.Length], engine, null) is null)
            {
                return;
            }
        }

        // Every slot taken: this engine is one more than the pool keeps.
    }
}
