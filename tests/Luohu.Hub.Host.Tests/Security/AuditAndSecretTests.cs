using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Host.Tests.Security;

public sealed class AuditAndSecretTests
{
    [Fact]
    public async Task TheAuditChain_VerifiesAfterChanges()
    {
        await using var hub = await HubServer.StartAsync();
        await hub.CreateUserAsync("auditor", ["viewer"], ["water"]);

        using var verify = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/audit/verify", UriKind.Relative)));

        Assert.True(verify.RootElement.GetProperty("ok").GetBoolean());
        Assert.True(verify.RootElement.GetProperty("entries").GetInt64() >= 3);
    }

    [Fact]
    public async Task TheAuditTable_RefusesUpdatesAndDeletes()
    {
        await using var hub = await HubServer.StartAsync();
        await using var connection = await hub.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit";

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATamperedEntry_IsReportedByVerify()
    {
        await using var hub = await HubServer.StartAsync();
        await hub.CreateUserAsync("target", ["viewer"], ["water"]);
        await using (var connection = await hub.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'someone-else' WHERE sequence = 2;";
            await command.ExecuteNonQueryAsync();
        }

        using var verify = JsonDocument.Parse(await hub.Client.GetStringAsync(new Uri("/api/v1/audit/verify", UriKind.Relative)));

        Assert.False(verify.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(2, verify.RootElement.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task ASecretSetting_NeverAppearsInAnyResponseOrLogLine()
    {
        const string secret = "bank-api-key-7f3a9c1e5d";
        var logs = new CapturingLoggerProvider();
        await using var hub = await HubServer.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            configure: builder => builder.Logging.AddProvider(logs));

        var put = await hub.Client.PutAsJsonAsync("/api/v1/plugins/luohu.parking/settings",
            new { values = new Dictionary<string, string> { ["Region"] = "luohu" }, secrets = new Dictionary<string, string> { ["BankApiKey"] = secret } });
        await HubServer.EnsureSuccessAsync(put);
        var responses = new List<string>
        {
            await put.Content.ReadAsStringAsync(),
            await hub.Client.GetStringAsync(new Uri("/api/v1/plugins/luohu.parking/settings", UriKind.Relative)),
            await hub.Client.GetStringAsync(new Uri("/api/v1/audit?limit=500", UriKind.Relative)),
            await hub.Client.GetStringAsync(new Uri("/api/v1/plugins/luohu.parking", UriKind.Relative)),
        };

        Assert.Contains("BankApiKey", responses[1], StringComparison.Ordinal);
        Assert.All(responses, r => Assert.DoesNotContain(secret, r, StringComparison.Ordinal));
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecretSetting_IsStoredEncrypted_AndReachesThePluginConfiguration()
    {
        const string secret = "bank-api-key-0000abcd";
        await using var hub = await HubServer.StartAsync();

        await HubServer.EnsureSuccessAsync(await hub.Client.PutAsJsonAsync("/api/v1/plugins/luohu.parking/settings", new { secrets = new Dictionary<string, string> { ["BankApiKey"] = secret } }));

        await using var connection = await hub.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(value, '') || protected_value FROM plugin_setting_values WHERE key = 'BankApiKey'";
        var stored = (string?)await command.ExecuteScalarAsync();
        Assert.NotNull(stored);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        var overlay = hub.Services.GetRequiredService<Luohu.Hub.Runtime.Security.PluginSettingsOverlay>();
        Assert.Contains(overlay.ConfigurationFor("luohu.parking"), p => p.Key == "BankApiKey" && p.Value == secret);
    }
}
