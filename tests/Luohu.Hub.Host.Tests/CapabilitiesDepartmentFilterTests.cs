using System.Text.Json;

namespace Luohu.Hub.Host.Tests;

/// <summary><c>GET /api/v1/capabilities?department=</c>: the designer's palette offers only what the department is granted.</summary>
public sealed class CapabilitiesDepartmentFilterTests
{
    [Fact]
    public async Task A_department_sees_only_the_capabilities_its_grants_let_its_flows_use()
    {
        await using var hub = await HubServer.StartAsync();

        var traffic = Ids(await hub.GetJsonAsync<JsonElement>("/api/v1/capabilities?department=traffic"));
        var health = Ids(await hub.GetJsonAsync<JsonElement>("/api/v1/capabilities?department=health"));
        var all = Ids(await hub.GetJsonAsync<JsonElement>("/api/v1/capabilities"));

        // traffic holds parking.*, signal.* and the sensors/parking/# stream; health holds only credit.*.
        Assert.Contains("parking.get-lot", traffic);
        Assert.Contains("signal.set-phase", traffic);
        Assert.Contains("parking.occupancy", traffic);
        Assert.DoesNotContain("parking.get-lot", health);
        Assert.DoesNotContain("signal.set-phase", health);
        Assert.DoesNotContain("parking.occupancy", health);
        Assert.Superset(new HashSet<string>(traffic, StringComparer.Ordinal), new HashSet<string>(all, StringComparer.Ordinal));
    }

    private static List<string> Ids(JsonElement list) =>
        [.. list.EnumerateArray().Select(c => c.GetProperty("id").GetString() ?? string.Empty)];
}
