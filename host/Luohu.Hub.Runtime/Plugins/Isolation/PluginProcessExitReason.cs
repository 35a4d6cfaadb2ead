namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>Names why a plugin process ended, from its exit code (128 + signal on Unix) and the last lines of its stderr.</summary>
internal static class PluginProcessExitReason
{
    public static string Describe(int exitCode, IReadOnlyList<string> stderr, PluginOptions options)
    {
        var unhandled = stderr.FirstOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal));
        if (exitCode == PluginProcessExit.OutOfMemory || stderr.Any(l => l.Contains("OutOfMemoryException", StringComparison.Ordinal)))
        {
            return $"went over its memory limit of {options.ProcessMemoryLimitMb} MiB (Hub:PluginHost:ProcessMemoryLimitMb) and was stopped (exit code {exitCode})";
        }

        if (stderr.Any(l => l.StartsWith("Stack overflow", StringComparison.Ordinal)))
        {
            return $"overflowed its stack (exit code {exitCode})";
        }

        if (exitCode > 128 && exitCode < 160)
        {
            var signal = exitCode - 128;
            return signal switch
            {
                11 => $"was killed by SIGSEGV (signal 11: invalid memory access, typically in native code; exit code {exitCode})",
                24 => $"went over its CPU limit of {options.ProcessCpuLimitSeconds} s (Hub:PluginHost:ProcessCpuLimitSeconds) and was killed by SIGXCPU (exit code {exitCode})",
                9 => $"was killed by SIGKILL (exit code {exitCode})",
                6 => $"aborted (SIGABRT, exit code {exitCode}){(unhandled is null ? string.Empty : $": {unhandled}")}",
                _ => $"was killed by signal {signal} (exit code {exitCode})",
            };
        }

        return $"exited with code {exitCode}{(unhandled is null ? string.Empty : $": {unhandled}")}";
    }
}
