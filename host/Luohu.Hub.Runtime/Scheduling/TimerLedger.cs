using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Scheduling;

/// <summary>
/// The pending timers of one timer node that this hub scheduled (job name → key), and the node's cancellations, kept so
/// that each timer is counted out of <see cref="NodeState.Pending"/> exactly once — by its fire or by its cancellation,
/// whichever comes first — and a fire already under way when its key was cancelled sends nothing.
/// The ledger is the node state's transient companion (shared by the versions of the node, not persisted); the
/// cancellations are node state (<c>sequence</c>, and <c>cancelled</c>: key → the sequence and time of its last
/// cancellation), persisted, so a timer scheduled before a cancellation is recognised by its sequence even by a fire
/// on another hub or after a restart. Every method runs under the node state's lock.
/// </summary>
internal sealed class TimerLedger
{
    private const string SequenceField = "sequence";
    private const string CancelledField = "cancelled";

    private readonly Dictionary<string, string?> _pending = new(StringComparer.Ordinal);

    public static TimerLedger Of(NodeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Read(_ => (TimerLedger)(state.Transient ??= new TimerLedger()));
    }

    /// <summary>Records a timer about to be scheduled; answers the node's cancellation sequence it is scheduled under.</summary>
    public long Add(NodeState state, string jobName, string? key) => state.Read(data =>
    {
        _pending[jobName] = key;
        return Sequence(data);
    });

    /// <summary>Forgets a timer that could not be scheduled after all.</summary>
    public void Remove(NodeState state, string jobName)
    {
        if (state.Read(_ => _pending.Remove(jobName)))
        {
            Interlocked.Decrement(ref state.Pending);
        }
    }

    /// <summary>A timer fires: counts it out if this hub counted it in; false when its key was cancelled after it was scheduled.</summary>
    public bool Fire(NodeState state, string jobName, string? key, long sequence) => state.Read(data =>
    {
        if (_pending.Remove(jobName))
        {
            Interlocked.Decrement(ref state.Pending);
        }

        return key is null || data[CancelledField]?[key]?[SequenceField] is not JsonValue cancelled || cancelled.GetValue<long>() <= sequence;
    });

    /// <summary>
    /// Cancels every timer of <paramref name="key"/> scheduled until now: records the cancellation, counts this hub's
    /// timers of the key out and answers their job names. Cancellations older than <paramref name="keepFor"/> are forgotten.
    /// </summary>
    public IReadOnlySet<string> Cancel(NodeState state, string key, DateTimeOffset now, TimeSpan keepFor) => state.Update(data =>
    {
        var sequence = Sequence(data) + 1;
        data[SequenceField] = sequence;
        if (data[CancelledField] is not JsonObject cancelled)
        {
            data[CancelledField] = cancelled = [];
        }

        var horizon = (now - keepFor).ToUnixTimeMilliseconds();
        foreach (var old in cancelled.Where(c => c.Value?["at"] is JsonValue at && at.GetValue<long>() < horizon).Select(c => c.Key).ToList())
        {
            cancelled.Remove(old);
        }

        cancelled[key] = new JsonObject { [SequenceField] = sequence, ["at"] = now.ToUnixTimeMilliseconds() };
        var names = _pending.Where(p => p.Value == key).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names)
        {
            _pending.Remove(name);
            Interlocked.Decrement(ref state.Pending);
        }

        return (IReadOnlySet<string>)names;
    });

    /// <summary>Whether this hub has <paramref name="jobName"/> pending (scheduled, neither fired nor cancelled).</summary>
    public bool Holds(NodeState state, string jobName) => state.Read(_ => _pending.ContainsKey(jobName));

    private static long Sequence(JsonObject data) => data[SequenceField] is JsonValue value ? value.GetValue<long>() : 0;
}
