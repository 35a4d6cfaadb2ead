using System.Globalization;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Hosting;
using Luohu.Hub.Runtime.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Credit.CrashHost;

/// <summary>
/// The hub's store, plugin loader and outbox, settling one bill after another the way a flow's action node does
/// (flow <c>crash-loop</c> v1, node <c>settle</c>, message <c>bill-{n}</c>). Settings: <c>Crash:AssessmentId</c>,
/// <c>Crash:Bills</c> (default 1,000,000), and the hub's own (<c>Hub:DataPath</c>, <c>Hub:BundledPluginsPath</c>,
/// <c>Hub:Plugins:luohu.bank-credit:*</c>).
/// </summary>
internal static class SettlementLoop
{
    public const string FlowId = "crash-loop";
    public const string NodeId = "settle";

    public static async Task<int> RunAsync(string[] args)
    {
        // No defaults (appsettings, environment variables, file watchers): each of the hundreds of starts counts.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddLuohuHub(builder.Configuration, builder.Environment.ContentRootPath)
            .AddSqliteStore()
            .AddPlugins()
            .AddOutbox();
        using var host = builder.Build();
        await host.StartAsync();

        var assessment = builder.Configuration["Crash:AssessmentId"] ?? throw new InvalidOperationException("Give --Crash:AssessmentId.");
        var bills = builder.Configuration.GetValue("Crash:Bills", 1_000_000);
        var catalog = host.Services.GetRequiredService<ICapabilityCatalog>();
        using (var loading = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            while (catalog.Find("credit.settle") is null)
            {
                await Task.Delay(5, loading.Token);
            }
        }

        var resumed = await host.Services.GetRequiredService<OutboxSweeper>().SweepAsync(all: true, CancellationToken.None);
        Console.WriteLine($"ready resumed={resumed}");
        if (builder.Configuration.GetValue("Crash:Timing", false))
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            Console.Error.WriteLine($"ready {(DateTime.Now - process.StartTime).TotalMilliseconds:0} ms after the process started");
        }
        var outbox = host.Services.GetRequiredService<OutboxExecutor>();
        for (var n = 0; n < bills; n++)
        {
            var bill = "B-" + n.ToString("D6", CultureInfo.InvariantCulture);
            await outbox.ExecuteAsync(new OutboxCall
            {
                Capability = "credit.settle",
                Input = new JsonObject { ["assessmentId"] = assessment, ["billId"] = bill, ["amount"] = 1.00m, ["currency"] = "CNY" },
                FlowId = FlowId,
                FlowVersion = 1,
                NodeId = NodeId,
                MessageId = "bill-" + n.ToString(CultureInfo.InvariantCulture),
                Department = "health",
                CorrelationId = bill,
            }, CancellationToken.None);
            Console.WriteLine($"settled {bill}");
        }

        Console.WriteLine("done");
        await host.StopAsync();
        return 0;
    }
}
