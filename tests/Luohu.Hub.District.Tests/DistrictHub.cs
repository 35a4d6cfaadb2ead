using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.District.Tests;

/// <summary>Starts the real hub with the staged sample plugins and the repository's sample flows, and small helpers on it.</summary>
internal static class DistrictHub
{
    public static Task<HubServer> StartAsync(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["Hub:Flows:SamplesPath"] = Path.Combine(RepoPaths.Root, "samples", "flows"),
        };
        return HubServer.StartAsync(all);
    }

    public static async Task WaitForDeployedAsync(HubServer hub, string flowId)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var last = string.Empty;
        try
        {
            await Poll.UntilAsync(async () =>
            {
                using var response = await hub.Client.GetAsync(new Uri("/api/v1/flows", UriKind.Relative));
                last = await response.Content.ReadAsStringAsync();
                var flows = JsonDocument.Parse(last).RootElement;
                return flows.ValueKind == JsonValueKind.Array
                    && flows.EnumerateArray().Any(f => f.GetProperty("id").GetString() == flowId && f.GetProperty("state").GetString() == "deployed");
            }, $"the sample flow '{flowId}' is deployed at first start");
        }
        catch (Xunit.Sdk.FailException ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}; the flows are: {last}");
        }
    }

    public static async Task WaitForCapabilityAsync(HubServer hub, string capability)
    {
        ArgumentNullException.ThrowIfNull(hub);
        await Poll.UntilAsync(async () =>
        {
            var list = await hub.GetJsonAsync<JsonElement>("/api/v1/capabilities");
            return list.EnumerateArray().Any(c => c.GetProperty("id").GetString() == capability);
        }, $"a plugin offers '{capability}'");
    }

    /// <summary>A streamed message's payload as JSON (the stream carries it as text when it is not an object).</summary>
    public static JsonElement Payload(JsonElement message) =>
        message.GetProperty("payload") is { ValueKind: JsonValueKind.String } text ? JsonDocument.Parse(text.GetString()!).RootElement : message.GetProperty("payload");

    public static async Task<JsonElement> AlertsAsync(HttpClient client, string? department = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri("/api/v1/alerts" + (department is null ? string.Empty : "?department=" + department), UriKind.Relative));
        await HubServer.EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
