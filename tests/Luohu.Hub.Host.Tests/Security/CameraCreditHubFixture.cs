using System.Net.Http.Headers;

namespace Luohu.Hub.Host.Tests.Security;

/// <summary>One real hub with the Cameras and Credit fixture plugins uploaded as zips through the API.</summary>
public sealed class CameraCreditHubFixture : IAsyncLifetime
{
    public HubServer Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await HubServer.StartAsync();
        foreach (var fixture in new[] { "Cameras", "Credit" })
        {
            using var content = new ByteArrayContent(FixtureZips.Create(fixture));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            await HubServer.EnsureSuccessAsync(await Hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), content));
        }
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
