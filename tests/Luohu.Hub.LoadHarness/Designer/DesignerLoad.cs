using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Microsoft.Playwright;

namespace Luohu.Hub.LoadHarness.Designer;

/// <summary>
/// The designer measured in Debian's Chromium against a real hub: opening and drawing a 300-node flow, the time from
/// a Deploy click to the new version handling messages, and the managed memory the server holds per open editor page
/// (the designer has no circuit; an open editor holds its debug panel's event stream).
/// </summary>
internal static class DesignerLoad
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public static async Task RunAsync(int runs, int circuits)
    {
        await using var hub = await BenchHub.StartAsync();
        await GrantAsync(hub, "bench/#");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
        var session = await SignedInStateAsync(browser, hub);

        await OpenLargeFlowAsync(hub, browser, session, 300, runs);
        await DeployToHandlingAsync(hub, browser, session, runs);
        await CircuitMemoryAsync(browser, session, circuits);
    }

    private static async Task OpenLargeFlowAsync(BenchHub hub, IBrowser browser, string session, int size, int runs)
    {
        var id = $"big-{size}";
        await BenchHub.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync($"/api/v1/flows/{id}", BigFlow.Create(id, size)));
        var times = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            await using var context = await NewContextAsync(browser, hub, session);
            var page = await context.NewPageAsync();
            var clock = Stopwatch.StartNew();
            await page.GotoAsync($"/flows/{id}");
            await page.WaitForFunctionAsync($"document.querySelectorAll('.x6-node').length >= {size}", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
            clock.Stop();
            if (run > 0)
            {
                // The first run warms the server (JIT, the bundle's first load); it is not reported.
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Report($"open and draw a {size}-node flow (navigation → every node on the canvas)", times, "ms");
    }

    private static async Task DeployToHandlingAsync(BenchHub hub, IBrowser browser, string session, int runs)
    {
        const string id = "deploy-bench";
        await BenchHub.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync($"/api/v1/flows/{id}", DeployFlow(id, "v0")));
        await BenchHub.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri($"/api/v1/flows/{id}/deploy", UriKind.Relative), null));

        var bus = hub.Services.GetRequiredService<IMessageBus>();
        var publisher = hub.Services.GetRequiredService<IMessagePublisher>();
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await using var subscription = bus.Subscribe("bench/deploy/out", (message, _) =>
        {
            var marker = message.PayloadAsNode()?["marker"]?.GetValue<string>();
            if (marker is not null)
            {
                seen.TryAdd(marker, Stopwatch.GetTimestamp());
            }

            return ValueTask.CompletedTask;
        });

        using var stop = new CancellationTokenSource();
        var feeder = FeedAsync(publisher, stop.Token);
        var times = new List<double>();
        try
        {
            for (var run = 1; run <= runs + 1; run++)
            {
                var marker = $"v{run}";
                await BenchHub.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync($"/api/v1/flows/{id}", DeployFlow(id, marker)));
                await using var context = await NewContextAsync(browser, hub, session);
                var page = await context.NewPageAsync();
                await page.GotoAsync($"/flows/{id}");
                await page.WaitForFunctionAsync("document.querySelectorAll('.x6-node').length >= 3");
                var deploy = page.GetByTestId("tool-deploy");
                await deploy.WaitForAsync();
                var clicked = Stopwatch.GetTimestamp();
                await deploy.ClickAsync();
                var deadline = Stopwatch.StartNew();
                while (!seen.ContainsKey(marker))
                {
                    if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                    {
                        throw new TimeoutException($"Version with marker {marker} handled no message within 60 s of the Deploy click.");
                    }

                    await Task.Delay(1);
                }

                if (run > 1)
                {
                    times.Add(Stopwatch.GetElapsedTime(clicked, seen[marker]).TotalMilliseconds);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await feeder;
        }

        Report("Deploy click → first message handled by the new version (sensor feed every 2 ms)", times, "ms");
    }

    private static async Task CircuitMemoryAsync(IBrowser browser, string session, int circuits)
    {
        var contexts = new List<IBrowserContext>();
        var baseline = Heap();
        try
        {
            for (var i = 0; i < circuits; i++)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, StorageState = session });
                contexts.Add(context);
                var page = await context.NewPageAsync();
                await page.GotoAsync("/flows/parking-guidance");
                await page.WaitForFunctionAsync("document.querySelectorAll('.x6-node').length >= 11");
                await page.Locator("[data-testid=debug-state].is-connected").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            }

            var open = Heap();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server memory per open editor page (parking-guidance, {circuits} pages each with its live debug stream, managed heap after full GC): {(open - baseline) / circuits / 1024.0:F0} KiB (baseline {baseline / 1048576.0:F1} MiB → {open / 1048576.0:F1} MiB)"));
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task FeedAsync(IMessagePublisher publisher, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var n = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await publisher.PublishAsync(HubMessages.Create("bench/deploy/in", new JsonObject { ["n"] = n++ }, "bench", time), CancellationToken.None);
            try
            {
                await Task.Delay(2, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static JsonObject DeployFlow(string id, string marker) => new()
    {
        ["id"] = id, ["name"] = "Deploy benchmark", ["department"] = "traffic",
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "in", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = "bench/deploy/in" }, ["position"] = new JsonObject { ["x"] = 80, ["y"] = 120 } },
            new JsonObject { ["id"] = "mark", ["type"] = "script", ["config"] = new JsonObject { ["code"] = $"msg.payload.marker = '{marker}';\nreturn msg;" }, ["position"] = new JsonObject { ["x"] = 320, ["y"] = 120 } },
            new JsonObject { ["id"] = "out", ["type"] = "publish", ["config"] = new JsonObject { ["topic"] = "bench/deploy/out" }, ["position"] = new JsonObject { ["x"] = 560, ["y"] = 120 } }),
        ["wires"] = new JsonArray(new JsonObject { ["from"] = "in", ["to"] = "mark" }, new JsonObject { ["from"] = "mark", ["to"] = "out" }),
    };

    private static async Task GrantAsync(BenchHub hub, string topic) =>
        await BenchHub.EnsureSuccessAsync(await hub.Client.PostAsJsonAsync("/api/v1/grants", new { department = "traffic", kind = "stream", target = topic }));

    private static string BaseUrl { get; set; } = string.Empty;

    /// <summary>Signs in once through the form; every measured page starts from that cookie in a fresh context.</summary>
    private static async Task<string> SignedInStateAsync(IBrowser browser, BenchHub hub)
    {
        BaseUrl = hub.BaseAddress.ToString();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#user").FillAsync("admin");
        await page.Locator("#password").FillAsync(BenchHub.AdminPassword);
        await page.Locator("button[type=submit].button-primary").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        return await context.StorageStateAsync();
    }

    private static Task<IBrowserContext> NewContextAsync(IBrowser browser, BenchHub hub, string session) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = hub.BaseAddress.ToString(),
            StorageState = session,
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
        });

    private static void Report(string what, List<double> values, string unit)
    {
        values.Sort();
        var median = values[values.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: median {median:F0} {unit}, min {values[0]:F0}, max {values[^1]:F0} ({values.Count} runs)"));
    }
}
