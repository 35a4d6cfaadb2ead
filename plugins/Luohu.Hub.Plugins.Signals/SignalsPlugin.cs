using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Plugins.Signals;

public sealed class SignalsPlugin : IHubPlugin
{
    public void Configure(IPluginBuilder plugin)
    {
    }
}
