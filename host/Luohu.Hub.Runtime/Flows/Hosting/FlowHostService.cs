using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Persistence;
using Luohu.Hub.Runtime.RuleLibrary;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Flows.Hosting;

/// <summary>
/// Brings flows up with the hub: prepares the store (idempotent), starts every deployed flow at its deployed
/// version (restart recovery), and on the first start of an empty store imports and deploys the sample flows (and
/// imports and publishes the sample rule workflows into an empty rules library, before any flow starts).
/// Flows start without waiting for plugins: a trigger on a plugin's topics simply sees events once the plugin
/// runs, and an action whose capability is not there yet fails into the catch node or the dead letters, from
/// where it can be replayed. A flow that cannot start is marked <c>error</c> with the reason; the hub goes on.
/// On stop, every flow drains its triggers and writes its node state.
/// </summary>
internal sealed class FlowHostService(
    IFlowStoreInitializer storeInitializer,
    IFlowRepository repository,
    IFlowService flows,
    FlowEngine engine,
    IRuleLibrary library,
    IOptions<FlowOptions> options,
    IOptions<RuleLibraryOptions> libraryOptions,
    ILogger<FlowHostService> logger) : IHostedService
{
    public const string SystemAuthor = "system";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storeInitializer.InitializeAsync(cancellationToken);

        // Rule nodes read the library's published versions, and sample flows may name sample workflows: the library first.
        await library.InitializeAsync(cancellationToken);
        if ((await library.ListAsync(null, cancellationToken)).Count == 0 && libraryOptions.Value.ResolveSamplesPath() is { } rules && Directory.Exists(rules))
        {
            var (imported, failures) = await RuleLibrarySamples.ImportAsync(library, rules, SystemAuthor, cancellationToken);
            FlowLog.RuleSamplesImported(logger, imported.Count, imported);
            foreach (var failure in failures)
            {
                FlowLog.RuleSampleFailed(logger, failure);
            }
        }

        var deployed = await repository.ListDeployedAsync(cancellationToken);
        var failed = 0;
        foreach (var version in deployed)
        {
            try
            {
                await engine.ApplyAsync(FlowJson.Deserialize(version.Json), version.Version, cancellationToken);
            }
#pragma warning disable CA1031 // One flow that cannot start must not keep the hub (and every other flow) down.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failed++;
                engine.MarkFailed(version.FlowId, ex.Message);
                FlowLog.StartFailed(logger, ex, version.FlowId, version.Version, ex.Message);
            }
        }

        FlowLog.FlowsStarted(logger, deployed.Count, failed);
        if ((await repository.ListAsync(null, cancellationToken)).Count == 0)
        {
            await ImportSamplesAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await engine.DisposeAsync();

    private async Task ImportSamplesAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.ResolveSamplesPath();
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var flow = FlowJson.Deserialize(await File.ReadAllTextAsync(file, cancellationToken));
                await flows.SaveAsync(flow, SystemAuthor, cancellationToken);
                await flows.DeployAsync(flow.Id, SystemAuthor, "sample imported at first start", cancellationToken);
                FlowLog.SampleImported(logger, flow.Id, file);
            }
            catch (FlowException ex)
            {
                FlowLog.SampleFailed(logger, file, ex.Problems.Count > 0 ? $"{ex.Message} {string.Join("; ", ex.Problems.Select(p => $"{p.Path}: {p.Message}"))}" : ex.Message);
            }
            catch (IOException ex)
            {
                FlowLog.SampleFailed(logger, file, ex.Message);
            }
        }
    }
}
