using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests;

/// <summary>One real hub for the data service tests, started once and waited on until all 620 car parks are in the dataset.</summary>
public sealed class ParkingHubFixture : IAsyncLifetime
{
    public HubServer Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await HubServer.StartAsync();

        // The parking source emits every car park on its first tick only, and at start that tick can run before
        // the sample flow subscribes (plugins start before flows); a reload restarts the source with the flow listening.
        await HubServer.EnsureSuccessAsync(await Hub.Client.PostAsync(new Uri("/api/v1/plugins/luohu.parking/reload", UriKind.Relative), null));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var response = await Hub.Client.GetAsync(new Uri("/api/v1/data/parking", UriKind.Relative));
            if (response.IsSuccessStatusCode
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totals").GetProperty("carParks").GetInt32() == 620)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The parking dataset did not fill with 620 car parks within 60 s; last answer {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
