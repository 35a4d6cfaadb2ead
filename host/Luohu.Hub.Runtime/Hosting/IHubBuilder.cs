using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Hosting;

/// <summary>Chains the hub's parts: <c>services.AddLuohuHub(config, root).AddPlugins().AddBus()...</c>.</summary>
public interface IHubBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }

    /// <summary>The whole application configuration (the hub reads its <c>Hub</c> section).</summary>
    IConfiguration Configuration { get; }

    /// <summary>The folder relative paths in the configuration are resolved against.</summary>
    string ContentRoot { get; }
}
