using System.Net.Http.Headers;

namespace Luohu.Hub.Host.Tests.Security;

/// <summary>
/// One real hub with the Cameras and Credit fixture plugins uploaded as zips through the API. The bundled cameras
/// plugin (luohu.cameras) is installed too; the fixture's five cameras are chosen to serve the camera capabilities.
/// </summary>
public sealed class CameraCreditHubFixture : IAsyncLifetime
{
    public HubServer Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await HubServer.StartAsync(new Dictionary<string, string?>
        {
            ["Hub:PluginHost:PreferredProviders:camera.list"] = "fixtures.cameras",
            ["Hub:PluginHost:PreferredProviders:camera.snapshot"] = "fixtures.cameras",
        });
        foreach (var fixture in new[] { "Cameras", "Credit" })
        {
            using var content = new ByteArrayContent(FixtureZips.Create(fixture));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            await HubServer.EnsureSuccessAsync(await Hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), content));
        }
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
