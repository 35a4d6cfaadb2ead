using OpenTelemetry;

namespace Luohu.Hub.Benchmarks.Telemetry;

/// <summary>Takes every batch and drops it: the hub's side of an export (spans built, batched, handed over) without a collector's.</summary>
internal sealed class DiscardingExporter<T> : BaseExporter<T>
    where T : class
{
    public override ExportResult Export(in Batch<T> batch)
    {
        foreach (var _ in batch)
        {
            // Walked as an exporter walks it, then gone.
        }

        return ExportResult.Success;
    }
}
