using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host.Tests;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Scheduling;

namespace Luohu.Hub.District.Tests;

/// <summary>
/// "Fire-engine green wave" end to end: a 119 dispatch through the sample flow's webhook, one timer per intersection on
/// the hub's scheduler, <c>signal.set-phase</c> on the isolated signals plugin, and the cancellation webhook.
/// </summary>
[Collection(CameraScenarios.Name)]
public sealed class FireGreenWaveTests(CamerasHub fixture)
{
    private const string Flow = "fire-green-wave";
    private const string Secret = "sample-secret-replace-before-deploying";
    private readonly HubServer hub = fixture.Server;

    private async Task<HttpResponseMessage> PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/traffic/119/" + path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Hook-Secret", Secret);
        return await hub.AnonymousClient().SendAsync(request);
    }

    private int Pending()
    {
        var snapshot = hub.Services.GetRequiredService<FlowEngine>().Find(Flow)!.Current;
        Assert.True(snapshot.TryGetNode("before-arrival", out var index));
        return snapshot[index].State.Pending;
    }

    private async Task<int> TimersAsync(string dispatchId) =>
        (await hub.Services.GetRequiredService<FlowScheduler>().JobKeysAsync(Flow, CancellationToken.None))
        .Count(k => FlowJobKeys.TimerKeyOf(k) == dispatchId);

    [Fact]
    public async Task ADispatch_SetsEachIntersectionGreenInOrderOfArrival_AndItsCancellationStopsTheRest()
    {
        using var traffic = await hub.CreateClientAsync(["viewer"], ["traffic"]);
        await using var steps = await EventStream.OpenAsync(traffic, "district/traffic/green-wave/D-119-0001");

        // Green is due 15 s before each arrival: the first two at once and two seconds later, the third in ten minutes.
        var planned = await PostAsync("dispatches", new
        {
            dispatchId = "D-119-0001", engine = "罗湖消防站 FE-12",
            route = new object[]
            {
                new { intersectionId = "LH-X001", phaseId = "NS-through", arriveInSeconds = 15 },
                new { intersectionId = "LH-X002", phaseId = "NS-through", arriveInSeconds = 17 },
                new { intersectionId = "LH-X004", phaseId = "EW-through", arriveInSeconds = 615 },
            },
        });
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Equal(3, (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("steps").GetArrayLength());

        var first = DistrictHub.Payload(await steps.NextAsync());
        var second = DistrictHub.Payload(await steps.NextAsync());
        Assert.Equal([1, 2], new[] { first.GetProperty("step").GetInt32(), second.GetProperty("step").GetInt32() });
        Assert.Equal("LH-X001", first.GetProperty("intersectionId").GetString());
        Assert.Equal("LH-X002", second.GetProperty("intersectionId").GetString());
        var state = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/signal.get-state", new { intersectionId = "LH-X002" });
        var signal = await state.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NS-through", signal.GetProperty("currentPhase").GetString());
        Assert.Equal("override", signal.GetProperty("mode").GetString());
        await Poll.UntilAsync(async () => await TimersAsync("D-119-0001") == 1, "the fired steps' jobs are done, the third is pending");
        Assert.Equal(1, Pending());

        var cancelled = await PostAsync("dispatches/cancel", new { dispatchId = "D-119-0001", reason = "false alarm" });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(1, (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cancelledSteps").GetInt32());
        Assert.Equal(0, await TimersAsync("D-119-0001"));
        Assert.Equal(0, Pending());
        var report = DistrictHub.Payload(await steps.NextAsync());
        Assert.Equal("cancelled", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task CancellingOneDispatch_LeavesAnothersTimers()
    {
        var route = new object[] { new { intersectionId = "LH-X010", phaseId = "NS-through", arriveInSeconds = 900 } };
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("dispatches", new { dispatchId = "D-119-0101", route })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("dispatches", new { dispatchId = "D-119-0102", route })).StatusCode);
        await Poll.UntilAsync(async () => await TimersAsync("D-119-0101") == 1 && await TimersAsync("D-119-0102") == 1, "both dispatches have their timer");

        var cancelled = await PostAsync("dispatches/cancel", new { dispatchId = "D-119-0101" });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(0, await TimersAsync("D-119-0101"));
        Assert.Equal(1, await TimersAsync("D-119-0102"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("dispatches/cancel", new { dispatchId = "D-119-0102" })).StatusCode);
    }

    [Fact]
    public async Task ADispatchWithoutARoute_Is400NamingTheField()
    {
        var response = await PostAsync("dispatches", new { dispatchId = "D-119-0201" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await ErrorsAsync(response), e => e.StartsWith("body.route:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadArrivalTimes_Are400NamingEachStep()
    {
        var response = await PostAsync("dispatches", new
        {
            dispatchId = "D-119-0301",
            route = new object[]
            {
                new { intersectionId = "LH-X001", phaseId = "NS-through", arriveAt = "soon" },
                new { intersectionId = "LH-X002", phaseId = "NS-through", arriveInSeconds = -5 },
                new { intersectionId = "LH-X003", phaseId = "EW-through", arriveAt = "2020-01-01T08:00:00+08:00" },
                new { intersectionId = "LH-X004" },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains(errors, e => e.StartsWith("body.route[0].arriveAt:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("body.route[1].arriveInSeconds:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("body.route[2].arriveAt:", StringComparison.Ordinal) && e.Contains("not in the past", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("body.route[3].phaseId:", StringComparison.Ordinal));
        Assert.Equal(0, await TimersAsync("D-119-0301"));
    }

    [Fact]
    public async Task ACancellationWithoutADispatchId_Is400NamingTheField()
    {
        var response = await PostAsync("dispatches/cancel", new { reason = "which one?" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(await ErrorsAsync(response), e => e.StartsWith("body.dispatchId:", StringComparison.Ordinal));
    }

    private static async Task<List<string>> ErrorsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
}
