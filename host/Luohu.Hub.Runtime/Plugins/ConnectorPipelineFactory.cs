using Luohu.Hub.Sdk.Connectors;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Builds the resilience pipeline of one action: a circuit breaker around a timeout.</summary>
internal sealed class ConnectorPipelineFactory(IOptions<PluginOptions> options, TimeProvider time)
{
    public (ResiliencePipeline Pipeline, CircuitBreakerStateProvider Circuit) Create(string pluginId, string connector)
    {
        var o = options.Value;
        var circuit = new CircuitBreakerStateProvider();
        var pipeline = new ResiliencePipelineBuilder { Name = $"plugin:{pluginId}/{connector}", TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = o.CircuitFailureRatio,
                MinimumThroughput = o.CircuitMinimumThroughput,
                SamplingDuration = o.CircuitSamplingDuration,
                BreakDuration = o.CircuitBreakDuration,
                StateProvider = circuit,

                // A caller's bad input is not the plugin's fault, and a caller giving up is not either; a call refused
                // while an isolated plugin's process restarts never reached it (supervision, not the circuit, owns that).
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not (CapabilityInputException or OperationCanceledException or Isolation.PluginProcessException { InFlight: false })),
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = o.InvokeTimeout })
            .Build();
        return (pipeline, circuit);
    }
}
