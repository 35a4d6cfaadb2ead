using Luohu.Hub.Sdk.Families;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Plugins.AiWutong;

/// <summary>Entry type of <c>wutong.ai</c>: the <see cref="IAiEngine"/> family and a health check on its models.</summary>
public sealed class WutongPlugin : IHubPlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.Services.AddSingleton(WutongOptions.From(plugin.Configuration));
        plugin.Services.AddSingleton<WutongModels>();
        plugin.Services.AddSingleton<IAiEngine, WutongEngine>();
        plugin.AddHealthCheck<ModelHealthCheck>("models");
    }
}
