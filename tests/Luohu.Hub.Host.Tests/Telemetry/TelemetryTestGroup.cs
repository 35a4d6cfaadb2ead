namespace Luohu.Hub.Host.Tests.Telemetry;

/// <summary>
/// The hub's activity source is static and an exporter listens to every meter of its name in the process, so the
/// telemetry tests run alone: no other test's hub adds its spans or measurements to what they read back.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "telemetry";
}
