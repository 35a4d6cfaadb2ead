using System.Runtime.InteropServices;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// The CPU limit a plugin process puts on itself at start (<c>setrlimit(RLIMIT_CPU)</c>): past the soft limit the
/// kernel sends SIGXCPU, which ends the process; the hard limit, 5 s later, is SIGKILL. The memory limit is the
/// GC's <c>GCHeapHardLimit</c>, set by the hub in the child's environment: the GC reserves its address range up
/// front, so RLIMIT_AS would not bound the heap that matters.
/// </summary>
internal static class ProcessLimits
{
    private const int RlimitCpu = 0;

    public static void LimitCpu(int seconds)
    {
        if (seconds <= 0 || !OperatingSystem.IsLinux())
        {
            return;
        }

        var limit = new RLimit { Current = (ulong)seconds, Maximum = (ulong)seconds + 5 };
        if (SetRLimit(RlimitCpu, ref limit) != 0)
        {
            throw new InvalidOperationException($"setrlimit(RLIMIT_CPU, {seconds}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    // DllImport, not LibraryImport: the generated marshaller needs unsafe code, and this one struct blits as is.
    [DllImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetRLimit(int resource, ref RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
