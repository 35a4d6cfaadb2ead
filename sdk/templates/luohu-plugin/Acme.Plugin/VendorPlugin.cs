using Luohu.Hub.Sdk.Plugins;
#if (isSensor)
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.DependencyInjection;
#endif

namespace Acme.Plugin;

/// <summary>Registers the plugin's connectors; runs once per load, so keep it quick.</summary>
public sealed class VendorPlugin : IHubPlugin
{
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
#if (isSensor)
        plugin.Services.AddSingleton<ISensorDriver, VendorSensors>();
#endif
        plugin
            .AddAction<EchoAction, EchoRequest, EchoResult>("acme.plugin.echo", "Echo", "Answers with the text it was given.")
            .AddEventSource<HeartbeatSource>("acme.plugin.heartbeat", "Heartbeat", "vendors/acme.plugin/heartbeat")
            .AddHealthCheck<VendorHealthCheck>("vendor");
    }
}
