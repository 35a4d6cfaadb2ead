using Microsoft.Extensions.Hosting;

namespace Luohu.Hub.LoadHarness.Credit;

/// <summary>
/// The comparison hub for the outbox's cost: the same composition with the outbox's executor and sweep taken out at
/// build time, so the same flow's action node calls credit.settle straight through the invoker. Harness only.
/// </summary>
internal sealed class WithoutOutbox : IServiceProviderFactory<IServiceCollection>
{
    private const string OutboxNamespace = "Luohu.Hub.Runtime.Outbox";

    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services.Where(d =>
            d.ServiceType.Namespace == OutboxNamespace && d.ServiceType.Name is "OutboxExecutor" or "OutboxSweeper"
            || (d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.DeclaringType?.Namespace == OutboxNamespace)).ToList())
        {
            services.Remove(descriptor);
        }

        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider();
}
