using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Luohu.Hub.Host.Tests;
using Luohu.Hub.Host.Tests.Security;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Credit.Tests;

/// <summary>
/// The bank simulator and a real hub with the bank credit plugin uploaded as a zip through the API (the real loader),
/// its address set as a plain setting and the partner secret as a secret setting, logs captured at Debug (HttpClient at
/// Trace) so the tests can search them.
/// </summary>
public sealed class CreditHubFixture : IAsyncLifetime
{
    public const string PluginId = "luohu.bank-credit";

    public BankServer Bank { get; private set; } = null!;
    public HubServer Hub { get; private set; } = null!;
    public CapturingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        Bank = await BankServer.StartAsync();
        Hub = await HubServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Debug",
                ["Logging:LogLevel:System.Net.Http"] = "Trace",
                ["Hub:Outbox:RetryInterval"] = "00:00:01",
                ["Hub:PluginHost:HealthCheckInterval"] = "00:00:01",
            },
            configure: builder => builder.Logging.AddProvider(Logs));
        await InstallAsync(Hub, Bank.BaseAddress, BankServer.Secret);
    }

    /// <summary>Uploads the staged plugin, sets its settings through the API and waits until it answers.</summary>
    public static async Task InstallAsync(HubServer hub, Uri bank, string secret)
    {
        ArgumentNullException.ThrowIfNull(hub);
        using var content = new ByteArrayContent(PluginZip());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), content));
        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync($"/api/v1/plugins/{PluginId}/settings", new
        {
            values = new Dictionary<string, string> { ["BaseUrl"] = bank.ToString(), ["AttemptTimeout"] = "00:00:01", ["TotalTimeout"] = "00:00:06" },
            secrets = new Dictionary<string, string> { ["PartnerSecret"] = secret },
        }));
        await Poll.UntilAsync(async () =>
        {
            using var ping = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/credit.query-settlement", new { settlementId = "ST-NONE" });
            return ping.StatusCode == HttpStatusCode.BadRequest;
        }, "the bank credit plugin answers through the hub (an unknown settlement is the bank's 404, a 400 at the hub)");
    }

    public static byte[] PluginZip()
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "plugins", "Luohu.Hub.Plugins.BankCredit");
        Assert.True(Directory.Exists(folder), $"The bank credit plugin is not staged at {folder}; build the test project first.");
        using var stream = new MemoryStream();
        ZipFile.CreateFromDirectory(folder, stream);
        return stream.ToArray();
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Bank.DisposeAsync();
    }
}
