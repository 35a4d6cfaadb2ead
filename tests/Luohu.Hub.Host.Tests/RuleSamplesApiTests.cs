using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests;

/// <summary><c>GET /api/v1/rules/samples</c>: the shipped rule workflows with their sample inputs, for the designer.</summary>
public sealed class RuleSamplesApiTests
{
    [Fact]
    public async Task Samples_lists_every_shipped_workflow_with_its_named_input_cases_to_any_signed_in_reader()
    {
        await using var hub = await HubServer.StartAsync();
        using var viewer = await hub.CreateClientAsync(["viewer"], ["water"]);

        var response = await viewer.GetAsync(new Uri("/api/v1/rules/samples", UriKind.Relative));

        await HubServer.EnsureSuccessAsync(response);
        var samples = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        var names = samples.Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["credit-eligibility", "credit-eligibility.lambda", "parking-nearly-full", "parking-nearly-full.lambda", "water-level-warning", "water-level-warning.lambda"], names);
        Assert.All(samples, s => Assert.True(s.GetProperty("inputs").TryGetProperty("pass", out _), $"{s.GetProperty("name")} has its input cases"));
        var parking = samples[2];
        Assert.Equal("ParkingNearlyFull", parking.GetProperty("workflow").GetProperty("WorkflowName").GetString());
        Assert.Equal(400, parking.GetProperty("inputs").GetProperty("pass").GetProperty("lot").GetProperty("total").GetInt32());
        Assert.True(parking.GetProperty("inputs").TryGetProperty("fail", out _));
    }

    [Fact]
    public async Task Samples_needs_a_signed_in_caller()
    {
        await using var hub = await HubServer.StartAsync();

        using var anonymous = hub.AnonymousClient();
        var response = await anonymous.GetAsync(new Uri("/api/v1/rules/samples", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
