using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.District.Tests;

/// <summary>Ops' choice of vendor outlives a restart: a hub started again on the same data folder serves as they left it.</summary>
public sealed class VendorChoiceRestartTests
{
    private const string Classify = "ai.classify-complaint";

    [Fact]
    public async Task ChosenVendorAndShadow_AreServedAgainAfterARestart()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "luohu-hub-tests", "vendors-" + Guid.NewGuid().ToString("N"));
        var first = await HubServer.StartAsync(dataPath: dataPath);
        try
        {
            await WaitForBothVendorsAsync(first);
            var set = await first.Client.PutAsJsonAsync($"/api/v1/vendors/{Classify}", new { serving = "pengcheng.ai", shadow = "wutong.ai" });
            await HubServer.EnsureSuccessAsync(set);
        }
        finally
        {
            await first.StopAsync();
        }

        await using var second = await HubServer.StartAsync(dataPath: dataPath);
        await WaitForBothVendorsAsync(second);
        var view = await second.GetJsonAsync<JsonElement>($"/api/v1/vendors/{Classify}");

        Assert.Equal("pengcheng.ai", view.GetProperty("chosen").GetString());
        Assert.Equal("pengcheng.ai", view.GetProperty("serving").GetString());
        Assert.Equal("wutong.ai", view.GetProperty("shadow").GetString());
    }

    private static Task WaitForBothVendorsAsync(HubServer hub) => Poll.UntilAsync(async () =>
    {
        var view = await hub.GetJsonAsync<JsonElement>($"/api/v1/vendors/{Classify}");
        return view.GetProperty("providers").GetArrayLength() == 2;
    }, "both AI vendors offer ai.classify-complaint");
}
