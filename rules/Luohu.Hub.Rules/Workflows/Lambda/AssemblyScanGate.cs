namespace Luohu.Hub.Rules.Workflows.Lambda;

/// <summary>
/// Keeps the parsing of lambda expressions and the unloading of plugin code apart. RulesEngine's parser
/// (System.Linq.Dynamic.Core) reads the custom attributes of every type in every assembly the process has
/// loaded, each time it builds a parser; reading a plugin's types while its collectible load context is being
/// unloaded and collected crashes the runtime itself (a segfault, not an exception). So a parse holds a scan
/// (<see cref="EnterScan"/>), and the hub holds an exclusion (<see cref="ExcludeScansAsync"/>) from just
/// before it unloads a plugin version until the runtime has collected it: scans wait for the exclusion, the
/// exclusion waits for running scans. Both waits are bounded by <see cref="MaxWait"/>, so a plugin whose unload
/// never completes (its code still referenced) delays a parse, never stops one.
/// </summary>
public static class AssemblyScanGate
{
    /// <summary>The longest a scan waits for an exclusion, or an exclusion for running scans.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly object Sync = new();
    private static int scans;
    private static int exclusions;
    private static TaskCompletionSource? scansDone;

    /// <summary>Scans running now (for tests and diagnostics).</summary>
    public static int Scans
    {
        get
        {
            lock (Sync)
            {
                return scans;
            }
        }
    }

    /// <summary>Starts a scan: waits (blocking, at most <see cref="MaxWait"/>) while an unload is in progress.</summary>
    public static Scan EnterScan()
    {
        lock (Sync)
        {
            var deadline = Environment.TickCount64 + (long)MaxWait.TotalMilliseconds;
            while (exclusions > 0)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    break;
                }

                Monitor.Wait(Sync, (int)left);
            }

            scans++;
        }

        return new Scan(true);
    }

    /// <summary>Holds new scans out and waits (at most <see cref="MaxWait"/>) for the running ones to end.</summary>
    public static async Task<Exclusion> ExcludeScansAsync()
    {
        Task? running;
        lock (Sync)
        {
            exclusions++;
            running = scans == 0 ? null : (scansDone ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        if (running is not null)
        {
            await Task.WhenAny(running, Task.Delay(MaxWait, TimeProvider.System));
        }

        return new Exclusion(true);
    }

    private static void ExitScan()
    {
        lock (Sync)
        {
            if (--scans == 0 && scansDone is { } done)
            {
                scansDone = null;
                done.TrySetResult();
            }
        }
    }

    private static void EndExclusion()
    {
        lock (Sync)
        {
            exclusions--;
            Monitor.PulseAll(Sync);
        }
    }

    /// <summary>A scan in progress; dispose it when the parse is done.</summary>
    public readonly struct Scan(bool held) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose()
        {
            if (held)
            {
                ExitScan();
            }
        }
    }

    /// <summary>An exclusion in force; dispose it once the unloaded code is collected (or the wait for it gave up).</summary>
    public readonly struct Exclusion(bool held) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose()
        {
            if (held)
            {
                EndExclusion();
            }
        }
    }
}
