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

        // No reload and no nudge: the parking source's first tick (all 620 car parks) must reach the sample flow,
        // because plugin event sources are held until every part of the hub, flows included, has started.
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
                Assert.Fail($"The parking dataset did not fill with 620 car parks within 60 s of start; last answer {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
