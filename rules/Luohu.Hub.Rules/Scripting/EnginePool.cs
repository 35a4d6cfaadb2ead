using System.Collections.Concurrent;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Engines for one set of limits, reused across runs. An engine that ended a run in an unknown state (a limit, a
/// cancellation, an engine failure) is dropped rather than returned; at most <see cref="Capacity"/> idle engines are kept.
/// </summary>
internal sealed class EnginePool(ScriptLimits limits, TimeProvider time)
{
    private readonly ConcurrentBag<SandboxEngine> _idle = [];
    private int _idleCount;

    public static int Capacity { get; } = Math.Max(4, Environment.ProcessorCount * 2);

    public SandboxEngine Rent()
    {
        if (_idle.TryTake(out var engine))
        {
            Interlocked.Decrement(ref _idleCount);
            return engine;
        }

        return new SandboxEngine(limits, time);
    }

    public void Return(SandboxEngine engine)
    {
        if (Interlocked.Increment(ref _idleCount) <= Capacity)
        {
            _idle.Add(engine);
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
        }
    }
}
