using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Plugins.Parking;

public sealed class ParkingPlugin : IHubPlugin
{
    public void Configure(IPluginBuilder plugin)
    {
    }
}
