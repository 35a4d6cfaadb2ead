namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>Exit codes a plugin process chooses itself, so the hub can name the reason.</summary>
internal static class PluginProcessExit
{
    /// <summary>The managed heap reached <see cref="PluginOptions.ProcessMemoryLimitMb"/>.</summary>
    public const int OutOfMemory = 87;

    public static void OutOfMemoryReached() => Environment.Exit(OutOfMemory);
}
