using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Telemetry;
using Luohu.Hub.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Luohu.Hub.Host.Tests.Telemetry;

[Collection(TelemetryTestGroup.Name)]
public sealed class TelemetryTests
{
    private const string FlowId = "otel-trace";
    private const string CallerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string CallerSpanId = "00f067aa0ba902b7";

    [Fact]
    public async Task A_message_through_trigger_script_action_publish_is_one_trace_from_its_caller_to_the_published_headers()
    {
        var spans = new LockedList<Activity>();
        await using var hub = await StartAsync(spans, new LockedList<MetricSnapshot>());
        var published = await RunMessageAsync(hub);

        var trace = ActivityTraceId.CreateFromString(CallerTraceId);
        await Poll.UntilAsync(() => spans.Any(s => s.TraceId == trace && s.DisplayName == $"flow {FlowId}"), "the message's span is exported when it ends");
        var ours = spans.Snapshot().Where(s => s.TraceId == trace).ToArray();
        Activity Span(string name) => Assert.Single(ours, s => s.DisplayName == name);

        var arrival = Span($"flow {FlowId}");
        Assert.Equal(ActivitySpanId.CreateFromString(CallerSpanId), arrival.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, arrival.Kind);
        var trigger = Span("node trigger.topic");
        var script = Span("node script");
        var action = Span("node action");
        var call = Span("counter.add");
        var publishNode = Span("node publish");
        var publish = Span("publish");
        // Depth-first along the wires: each node's span holds the next one's.
        Assert.Equal(arrival.SpanId, trigger.ParentSpanId);
        Assert.Equal(trigger.SpanId, script.ParentSpanId);
        Assert.Equal(script.SpanId, action.ParentSpanId);
        Assert.Equal(action.SpanId, call.ParentSpanId);
        Assert.Equal(action.SpanId, publishNode.ParentSpanId);
        Assert.Equal(publishNode.SpanId, publish.ParentSpanId);
        Assert.Equal(ActivityKind.Client, call.Kind);
        Assert.Equal("fixtures.counter", call.GetTagItem(HubTelemetry.PluginTag));
        Assert.Equal("ok", call.GetTagItem(HubTelemetry.OutcomeTag));
        Assert.Equal("script", script.GetTagItem(HubTelemetry.NodeTag));
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal($"{FlowId}/out", publish.GetTagItem(HubTelemetry.DestinationTag));

        // What the flow published carries its publish span on, for the next subscriber (a flow, MQTT 5 clients).
        Assert.Equal($"00-{CallerTraceId}-{publish.SpanId}-01", published.Headers[TraceContext.TraceParent]);
    }

    [Fact]
    public async Task The_metrics_of_a_message_through_trigger_script_action_publish_are_the_numbers_the_api_shows()
    {
        var metrics = new LockedList<MetricSnapshot>();
        await using var hub = await StartAsync(new LockedList<Activity>(), metrics);
        await RunMessageAsync(hub);

        Assert.True(hub.Services.GetRequiredService<MeterProvider>().ForceFlush(), "the meter provider flushes");
        foreach (var node in new[] { "in", "script", "act", "out" })
        {
            Assert.Equal(1, Sum(metrics, "luohu.flow.node.messages_in", (HubTelemetry.FlowTag, FlowId), (HubTelemetry.NodeTag, node)));
            Assert.Equal(1, Count(metrics, "luohu.flow.node.duration", (HubTelemetry.FlowTag, FlowId), (HubTelemetry.NodeTag, node)));
        }

        Assert.Equal(1, Sum(metrics, "luohu.flow.node.messages_out", (HubTelemetry.FlowTag, FlowId), (HubTelemetry.NodeTag, "act")));
        Assert.Equal(1, Count(metrics, "luohu.plugin.call.duration", (HubTelemetry.PluginTag, "fixtures.counter"), (HubTelemetry.CapabilityTag, "counter.add"), (HubTelemetry.OutcomeTag, "ok")));
        Assert.DoesNotContain(metrics.Snapshot(), m => m.Name == "luohu.flow.dead_letters");

        // The API and the designer's views read the totals the observable instruments export.
        using var plugin = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/plugins/fixtures.counter", UriKind.Relative)));
        var connector = plugin.RootElement.GetProperty("connectors").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "counter.add");
        var calls = connector.GetProperty("metrics").GetProperty("calls").GetInt64();
        Assert.Equal(1, calls);
        Assert.Equal(calls, Sum(metrics, "luohu.plugin.calls", (HubTelemetry.PluginTag, "fixtures.counter"), (HubTelemetry.ConnectorTag, "counter.add")));
        Assert.Equal(0, Gauge(metrics, "luohu.plugin.circuit.state", (HubTelemetry.PluginTag, "fixtures.counter"), (HubTelemetry.ConnectorTag, "counter.add")));

        using var flows = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/flows", UriKind.Relative)));
        var flow = flows.RootElement.EnumerateArray().Single(f => f.GetProperty("id").GetString() == FlowId);
        Assert.Equal(1, flow.GetProperty("messagesPerMinute").GetDouble());
        Assert.Equal(1, Sum(metrics, "luohu.flow.messages", (HubTelemetry.FlowTag, FlowId)));
        Assert.Equal(flow.GetProperty("errors").GetInt64(), Sum(metrics, "luohu.flow.errors", (HubTelemetry.FlowTag, FlowId)));
        Assert.True(Sum(metrics, "luohu.bus.published") >= 2, "the bus counts the message in and the one published");
    }

    [Fact]
    public async Task A_webhook_callers_traceparent_is_the_parent_of_the_messages_span_and_travels_on_with_what_the_flow_publishes()
    {
        var spans = new LockedList<Activity>();
        await using var hub = await StartAsync(spans, new LockedList<MetricSnapshot>());
        await Grants.StreamAsync(hub, "traffic", "otel-hook/#");
        var json = """
            { "id": "otel-hook", "name": "Traced hook", "department": "traffic",
              "nodes": [
                { "id": "hook", "type": "trigger.http", "config": { "path": "otel-hook", "auth": "secret", "secret": "hook-secret-1" } },
                { "id": "out", "type": "publish", "config": { "topic": "otel-hook/out" } } ],
              "wires": [ { "from": "hook", "to": "out" } ] }
            """;
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsync(new Uri("/api/v1/flows/otel-hook", UriKind.Relative), content));
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync(new Uri("/api/v1/flows/otel-hook/deploy", UriKind.Relative), new { comment = "telemetry" }));
        var received = new ConcurrentQueue<HubMessage>();
        await using var watch = hub.Services.GetRequiredService<IMessageBus>().Subscribe("otel-hook/out", (message, _) =>
        {
            received.Enqueue(message);
            return ValueTask.CompletedTask;
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/hooks/traffic/otel-hook", UriKind.Relative))
        {
            Content = new StringContent("""{ "bed": 12 }""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Hook-Secret", "hook-secret-1");
        request.Headers.Add("traceparent", $"00-{CallerTraceId}-{CallerSpanId}-01");
        await HubServer.EnsureSuccessAsync(await hub.AnonymousClient().SendAsync(request));

        await Poll.UntilAsync(() => !received.IsEmpty, "the flow publishes");
        var trace = ActivityTraceId.CreateFromString(CallerTraceId);
        await Poll.UntilAsync(() => spans.Any(s => s.TraceId == trace && s.DisplayName == "flow otel-hook"), "the message's span is exported when it ends");
        var arrival = Assert.Single(spans.Snapshot(), s => s.TraceId == trace && s.DisplayName == "flow otel-hook");
        Assert.Equal(ActivitySpanId.CreateFromString(CallerSpanId), arrival.ParentSpanId);
        var publish = Assert.Single(spans.Snapshot(), s => s.TraceId == trace && s.DisplayName == "publish");
        Assert.Equal($"00-{CallerTraceId}-{publish.SpanId}-01", Assert.Single(received).Headers[TraceContext.TraceParent]);
    }

    private static async Task<HubServer> StartAsync(LockedList<Activity> spans, LockedList<MetricSnapshot> metrics) =>
        await HubServer.StartAsync(
            new Dictionary<string, string?> { ["Hub:Flows:SamplesPath"] = string.Empty },
            configure: builder => builder.Services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddSource(HubTelemetry.Name).AddInMemoryExporter(spans))
                .WithMetrics(meters => meters.AddMeter(HubTelemetry.Name + "*").AddInMemoryExporter(metrics)));

    /// <summary>Installs the counter plugin, deploys trigger → script → action → publish, and sends one message with a caller's trace context.</summary>
    private static async Task<HubMessage> RunMessageAsync(HubServer hub)
    {
        using var zip = new ByteArrayContent(FixtureZips.Create("Counter.V1"));
        zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), zip));
        await Grants.StreamAsync(hub, "traffic", $"{FlowId}/#");
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/grants", new { department = "traffic", kind = "capability", target = "counter.add" }));

        var json = $$"""
            { "id": "{{FlowId}}", "name": "Telemetry", "department": "traffic",
              "nodes": [
                { "id": "in", "type": "trigger.topic", "config": { "topic": "{{FlowId}}/in" } },
                { "id": "script", "type": "script", "config": { "code": "return { payload: { add: msg.payload.n * 2 } };" } },
                { "id": "act", "type": "action", "config": { "capability": "counter.add", "output": "payload.counter" } },
                { "id": "out", "type": "publish", "config": { "topic": "{{FlowId}}/out" } } ],
              "wires": [ { "from": "in", "to": "script" }, { "from": "script", "to": "act" }, { "from": "act", "to": "out" } ] }
            """;
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsync(new Uri($"/api/v1/flows/{FlowId}", UriKind.Relative), content));
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync(new Uri($"/api/v1/flows/{FlowId}/deploy", UriKind.Relative), new { comment = "telemetry" }));

        var received = new ConcurrentQueue<HubMessage>();
        await using var watch = hub.Services.GetRequiredService<IMessageBus>().Subscribe($"{FlowId}/out", (message, _) =>
        {
            received.Enqueue(message);
            return ValueTask.CompletedTask;
        });
        var sent = await hub.Client.PostAsJsonAsync("/api/v1/messages", new
        {
            topic = $"{FlowId}/in",
            payload = new { n = 3 },
            headers = new Dictionary<string, string> { [TraceContext.TraceParent] = $"00-{CallerTraceId}-{CallerSpanId}-01" },
        });
        await HubServer.EnsureSuccessAsync(sent);
        await Poll.UntilAsync(() => !received.IsEmpty, "the flow publishes");
        var published = Assert.Single(received);
        Assert.Equal(6, JsonDocument.Parse(published.Payload).RootElement.GetProperty("counter").GetProperty("value").GetInt64());
        return published;
    }

    private static IEnumerable<MetricPoint> Points(LockedList<MetricSnapshot> metrics, string name, (string Key, string Value)[] tags)
    {
        // Cumulative: the last export of an instrument holds its totals.
        var snapshot = metrics.Snapshot().LastOrDefault(m => m.Name == name);
        Assert.True(snapshot is not null, $"{name} was exported");
        foreach (var point in snapshot.MetricPoints)
        {
            var pointTags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                pointTags[tag.Key] = tag.Value;
            }

            if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value)))
            {
                yield return point;
            }
        }
    }

    private static long Sum(LockedList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    private static long Count(LockedList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    private static long Gauge(LockedList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetGaugeLastValueLong());
}
