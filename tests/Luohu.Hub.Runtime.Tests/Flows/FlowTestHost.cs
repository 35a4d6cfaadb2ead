using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Flows.Alerts;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>The real bus and flow runtime in one service provider, with helpers to deploy flows and watch topics.</summary>
internal sealed class FlowTestHost : IAsyncDisposable
{
    private readonly List<IMessageSubscription> _subscriptions = [];
    private bool _started;

    public FlowTestHost(Action<IServiceCollection>? configure = null, TimeProvider? time = null, FakeCapabilities? capabilities = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddHubBus();
        services.AddHubFlows(o =>
        {
            o.SamplesPath = string.Empty;
            o.StateFlushInterval = TimeSpan.FromMilliseconds(200);
        });
        Capabilities = capabilities ?? new FakeCapabilities();
        services.AddSingleton<ICapabilityCatalog>(Capabilities);
        services.AddSingleton<ICapabilityInvoker>(Capabilities);
        configure?.Invoke(services);
        Provider = services.BuildServiceProvider();
    }

    public ServiceProvider Provider { get; }
    public FakeCapabilities Capabilities { get; }
    public IFlowService Flows => Provider.GetRequiredService<IFlowService>();
    public IDeadLetterService DeadLetters => Provider.GetRequiredService<IDeadLetterService>();
    public IAlertLog Alerts => Provider.GetRequiredService<IAlertLog>();
    public IMessageBus Bus => Provider.GetRequiredService<IMessageBus>();
    public FlowEngine Engine => Provider.GetRequiredService<FlowEngine>();

    public async Task StartAsync()
    {
        foreach (var service in Provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        _started = true;
    }

    public async Task<FlowDeployment> DeployAsync(string json, string author = "tester")
    {
        var flow = FlowJson.Deserialize(json);
        var problems = await Flows.SaveAsync(flow, author, CancellationToken.None);
        Assert.True(problems.Count == 0, "The test flow has problems: " + string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")));
        return await Flows.DeployAsync(flow.Id, author, null, CancellationToken.None);
    }

    /// <summary>Collects every message on <paramref name="filter"/> from now on.</summary>
    public ConcurrentQueue<HubMessage> Watch(string filter)
    {
        var received = new ConcurrentQueue<HubMessage>();
        _subscriptions.Add(Bus.Subscribe(filter, (message, _) =>
        {
            received.Enqueue(message);
            return ValueTask.CompletedTask;
        }, new SubscriptionOptions { Capacity = 100_000 }));
        return received;
    }

    public ValueTask PublishAsync(string topic, string json, string source = "test", IReadOnlyDictionary<string, string>? headers = null) =>
        Bus.PublishAsync(HubMessages.Create(topic, Encoding.UTF8.GetBytes(json), source, TimeProvider.System, headers), CancellationToken.None);

    public static JsonNode Payload(HubMessage message) => JsonNode.Parse(message.Payload.Span)!;

    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        if (_started)
        {
            foreach (var service in Provider.GetServices<IHostedService>())
            {
                await service.StopAsync(CancellationToken.None);
            }
        }

        await Provider.DisposeAsync();
    }
}
