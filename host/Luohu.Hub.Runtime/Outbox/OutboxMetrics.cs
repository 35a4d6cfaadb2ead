using System.Diagnostics.Metrics;

namespace Luohu.Hub.Runtime.Outbox;

/// <summary>
/// <c>Luohu.Hub.Outbox</c>: calls recorded, completed, answered from the record (redeliveries), resumed, and gauges of
/// the pending and failed entries as last counted (at every sweep and ops action).
/// </summary>
internal sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "Luohu.Hub.Outbox";

    private readonly Meter _meter;
    private readonly Counter<long> _recorded;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _deduplicated;
    private readonly Counter<long> _resumed;
    private long _pending;
    private long _failed;

    public OutboxMetrics(IMeterFactory? meters = null)
    {
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _recorded = _meter.CreateCounter<long>("luohu.outbox.recorded", description: "Intended calls recorded before calling.");
        _completed = _meter.CreateCounter<long>("luohu.outbox.completed", description: "Calls whose result was recorded.");
        _deduplicated = _meter.CreateCounter<long>("luohu.outbox.deduplicated", description: "Redeliveries answered from the record without calling.");
        _resumed = _meter.CreateCounter<long>("luohu.outbox.resumed", description: "Pending calls attempted again with their key.");
        _meter.CreateObservableGauge("luohu.outbox.pending", () => Interlocked.Read(ref _pending), description: "Entries waiting for a result.");
        _meter.CreateObservableGauge("luohu.outbox.failed", () => Interlocked.Read(ref _failed), description: "Entries waiting for ops.");
    }

    public OutboxCounts Last => new(Interlocked.Read(ref _pending), Interlocked.Read(ref _failed));

    public void Recorded() => _recorded.Add(1);

    public void Completed() => _completed.Add(1);

    public void Deduplicated() => _deduplicated.Add(1);

    public void Resumed() => _resumed.Add(1);

    public void Counted(OutboxCounts counts)
    {
        Interlocked.Exchange(ref _pending, counts.Pending);
        Interlocked.Exchange(ref _failed, counts.Failed);
    }

    public void Dispose() => _meter.Dispose();
}
