using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class ThrottleRuntime : FlowNodeRuntime
{
    private readonly ThrottleNodeType.Settings _settings;
    private readonly AlignedTicker? _ticker;

    public ThrottleRuntime(NodeBuildContext context, ThrottleNodeType.Settings settings)
        : base(context)
    {
        _settings = settings;
        if (settings.Mode == "queue-latest")
        {
            _ticker = new AlignedTicker(Host.Services.Time, TimeSpan.FromMilliseconds(settings.PeriodMs), OnTickAsync,
                ex => FlowLog.TimerFailed(Host.Services.Logger, ex, Host.FlowId, Host.NodeId));
        }
    }

    /// <summary>Latest message per key waiting for the next period; shared by the versions of this node.</summary>
    private ConcurrentDictionary<string, FlowMessage> Queued
    {
        get
        {
            lock (Host.State)
            {
                return Host.State.Transient as ConcurrentDictionary<string, FlowMessage>
                    ?? (ConcurrentDictionary<string, FlowMessage>)(Host.State.Transient = new ConcurrentDictionary<string, FlowMessage>(StringComparer.Ordinal));
            }
        }
    }

    public override void Start() => _ticker?.Start();

    public override ValueTask StopAsync() => _ticker?.StopAsync() ?? ValueTask.CompletedTask;

    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var key = _settings.Key?.Render(message.Body) ?? string.Empty;
        if (TryTake(key))
        {
            return Host.EmitAsync(0, message, cancellationToken);
        }

        Interlocked.Increment(ref Host.State.Dropped);
        if (_settings.Mode == "queue-latest")
        {
            // A queued message is not processed yet (its delivery stays open); the one it replaces is: it was shed.
            message.Delivery?.Hold();
            var queued = Queued;
            while (true)
            {
                if (queued.TryGetValue(key, out var replaced))
                {
                    if (queued.TryUpdate(key, message, replaced))
                    {
                        replaced.Delivery?.Release();
                        break;
                    }
                }
                else if (queued.TryAdd(key, message))
                {
                    break;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private bool TryTake(string key)
    {
        var now = Host.Services.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var start = now - (now % _settings.PeriodMs);
        return Host.State.Update(state =>
        {
            var windows = state["windows"] as JsonObject ?? (JsonObject)(state["windows"] = new JsonObject());
            var window = windows[key] as JsonObject;
            if (window is null || (long)JsonNumber.Get(window["start"]) != start)
            {
                windows[key] = window = new JsonObject { ["start"] = start, ["count"] = 0 };
            }

            var count = (int)JsonNumber.Get(window["count"]);
            if (count >= _settings.Count)
            {
                return false;
            }

            window["count"] = count + 1;
            return true;
        });
    }

    private async ValueTask OnTickAsync(DateTimeOffset boundary, CancellationToken cancellationToken)
    {
        var queued = Queued;
        foreach (var key in queued.Keys.ToList())
        {
            if (!queued.TryRemove(key, out var message))
            {
                continue;
            }

            try
            {
                if (TryTake(key))
                {
                    // The queued message was counted as shed when it was queued; it is sent after all.
                    Interlocked.Decrement(ref Host.State.Dropped);
                    await Host.EmitAsync(0, message, cancellationToken);
                }
            }
            finally
            {
                message.Delivery?.Release();
            }
        }
    }
}
