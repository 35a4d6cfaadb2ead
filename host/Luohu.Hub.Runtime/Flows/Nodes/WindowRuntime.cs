using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class WindowRuntime : FlowNodeRuntime
{
    private readonly WindowNodeType.Settings _settings;
    private readonly AlignedTicker? _ticker;

    public WindowRuntime(NodeBuildContext context, WindowNodeType.Settings settings)
        : base(context)
    {
        _settings = settings;
        if (settings.Mode is "time" or "latest")
        {
            _ticker = new AlignedTicker(Host.Services.Time, TimeSpan.FromMilliseconds(settings.PeriodMs), OnTickAsync,
                ex => FlowLog.TimerFailed(Host.Services.Logger, ex, Host.FlowId, Host.NodeId));
        }
    }

    public override void Start() => _ticker?.Start();

    public override ValueTask StopAsync() => _ticker?.StopAsync() ?? ValueTask.CompletedTask;

    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var key = _settings.Key?.Render(message.Body) ?? string.Empty;
        var value = ValueOf(message);
        if (_settings.Mode == "latest")
        {
            Host.State.Update(state => (state["latest"] as JsonObject ?? (JsonObject)(state["latest"] = new JsonObject()))[key] = value);
            return ValueTask.CompletedTask;
        }

        var full = Host.State.Update(state =>
        {
            var buckets = state["buckets"] as JsonObject ?? (JsonObject)(state["buckets"] = new JsonObject());
            var bucket = buckets[key] as JsonObject ?? (JsonObject)(buckets[key] = new JsonObject { ["count"] = 0, ["sum"] = 0.0 });
            var count = (int)JsonNumber.Get(bucket["count"]) + 1;
            bucket["count"] = count;
            bucket["sum"] = JsonNumber.Get(bucket["sum"]) + value;
            bucket["min"] = bucket["min"] is { } min ? Math.Min(JsonNumber.Get(min), value) : value;
            bucket["max"] = bucket["max"] is { } max ? Math.Max(JsonNumber.Get(max), value) : value;
            if (_settings.Mode == "count" && count >= _settings.Size)
            {
                buckets.Remove(key);
                return bucket;
            }

            return null;
        });
        return full is null
            ? ValueTask.CompletedTask
            : Host.EmitAsync(0, Result(key, full, message.OriginId, Host.Services.Time.GetUtcNow()), cancellationToken);
    }

    private double ValueOf(FlowMessage message)
    {
        if (_settings.Value is null)
        {
            return 1;
        }

        return JsonNumber.TryGet(_settings.Value.Get(message.Body), out var number)
            ? number
            : throw new InvalidOperationException(
                $"Window node '{Host.NodeId}': the message has no number at '{_settings.Value.Text}'; fix the 'value' path or filter such messages out before the window.");
    }

    private async ValueTask OnTickAsync(DateTimeOffset boundary, CancellationToken cancellationToken)
    {
        var origin = FlowMessage.NewId();
        if (_settings.Mode == "latest")
        {
            var values = Host.State.Read(state => (state["latest"] as JsonObject)?.Select(p => JsonNumber.Get(p.Value)).ToList() ?? []);
            if (values.Count == 0)
            {
                return;
            }

            var bucket = new JsonObject { ["count"] = values.Count, ["sum"] = values.Sum(), ["min"] = values.Min(), ["max"] = values.Max() };
            await Host.EmitAsync(0, Result(null, bucket, origin, boundary), cancellationToken);
            return;
        }

        var buckets = Host.State.Update(state =>
        {
            var all = state["buckets"] as JsonObject;
            state.Remove("buckets");
            return all?.Select(p => (p.Key, Bucket: (JsonObject)p.Value!)).ToList() ?? [];
        });
        foreach (var (key, bucket) in buckets)
        {
            await Host.EmitAsync(0, Result(key, bucket, origin, boundary), cancellationToken);
        }
    }

    private FlowMessage Result(string? key, JsonObject bucket, string originId, DateTimeOffset windowEnd)
    {
        var count = (int)JsonNumber.Get(bucket["count"]);
        var sum = JsonNumber.Get(bucket["sum"]);
        double value = _settings.Aggregate switch
        {
            "sum" => sum,
            "avg" => count == 0 ? 0 : sum / count,
            "min" => JsonNumber.Get(bucket["min"]),
            "max" => JsonNumber.Get(bucket["max"]),
            _ => count,
        };
        var payload = new JsonObject
        {
            ["aggregate"] = _settings.Aggregate,
            ["value"] = value,
            ["count"] = count,
            ["key"] = string.IsNullOrEmpty(key) ? null : key,
            ["windowEnd"] = windowEnd.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        var message = FlowMessage.Create(originId, $"window/{Host.FlowId}/{Host.NodeId}", payload, null);
        if (_settings.Topic is not null)
        {
            message.Topic = _settings.Topic.Render(message.Body);
        }

        return message;
    }
}
