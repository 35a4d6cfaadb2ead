using Luohu.Hub.Sdk.Families;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Plugins.AiPengcheng;

/// <summary>Entry type of <c>pengcheng.ai</c>: the <see cref="IAiEngine"/> family and a health check on its models.</summary>
public sealed class PengchengPlugin : IHubPlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        plugin.Services.AddSingleton(PengchengOptions.From(plugin.Configuration));
        plugin.Services.AddSingleton<PengchengModels>();
        plugin.Services.AddSingleton<IAiEngine, PengchengEngine>();
        plugin.AddHealthCheck<ModelHealthCheck>("models");
    }
}
