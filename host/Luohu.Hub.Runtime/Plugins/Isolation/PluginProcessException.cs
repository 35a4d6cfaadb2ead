namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// A call reached an isolated plugin whose process is not there: it died during the call (<see cref="InFlight"/>:
/// the effect is unknown) or is restarting (the call never reached the plugin).
/// </summary>
internal sealed class PluginProcessException(string message, bool inFlight) : Exception(message)
{
    public bool InFlight { get; } = inFlight;
}
