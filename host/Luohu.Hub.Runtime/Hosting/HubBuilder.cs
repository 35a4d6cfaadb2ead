using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Hosting;

internal sealed class HubBuilder(IServiceCollection services, IConfiguration configuration, string contentRoot) : IHubBuilder
{
    public IServiceCollection Services { get; } = services;
    public IConfiguration Configuration { get; } = configuration;
    public string ContentRoot { get; } = contentRoot;

    public HubOptions Options { get; } = configuration.GetSection(HubOptions.SectionName).Get<HubOptions>() ?? new HubOptions();
}
