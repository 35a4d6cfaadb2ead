using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Builder;

namespace Luohu.Hub.LoadHarness;

/// <summary>An in-process hub for the MQTT load runs: the bench flow deployed, grants and a device credential given straight in the store.</summary>
internal sealed class BenchMqttHub(WebApplication app) : IAsyncDisposable
{
    public async Task DeployAsync(string trigger, string publish, string? script)
    {
        // The flow belongs to the seeded 'traffic' department, which needs stream grants for its topics like any
        // department's flow (given here straight in the store, as an admin's POST /api/v1/grants would).
        var security = app.Services.GetRequiredService<ISecurityStore>();
        foreach (var topic in new[] { "bench/in/#", "bench/out/#" })
        {
            await security.InsertGrantAsync(new Grant { Id = Guid.NewGuid().ToString("N"), Department = "traffic", Kind = GrantKind.Stream, Target = topic }, CancellationToken.None);
        }

        await app.Services.GetRequiredService<IGrantCache>().ReloadAsync(CancellationToken.None);
        var flows = app.Services.GetRequiredService<Runtime.Flows.IFlowService>();
        var flow = Runtime.Flows.FlowJson.Deserialize(new JsonObject
        {
            ["id"] = "bench", ["name"] = "bench", ["department"] = "traffic",
            ["nodes"] = script is null
                ? new JsonArray(
                    new JsonObject { ["id"] = "in", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = trigger } },
                    new JsonObject { ["id"] = "out", ["type"] = "publish", ["config"] = new JsonObject { ["topic"] = publish } })
                : new JsonArray(
                    new JsonObject { ["id"] = "in", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = trigger } },
                    new JsonObject { ["id"] = "fn", ["type"] = "script", ["config"] = new JsonObject { ["code"] = script } },
                    new JsonObject { ["id"] = "out", ["type"] = "publish", ["config"] = new JsonObject { ["topic"] = publish } }),
            ["wires"] = script is null
                ? new JsonArray(new JsonObject { ["from"] = "in", ["to"] = "out" })
                : new JsonArray(new JsonObject { ["from"] = "in", ["to"] = "fn" }, new JsonObject { ["from"] = "fn", ["to"] = "out" }),
        }.ToJsonString());
        var problems = await flows.SaveAsync(flow, "load", CancellationToken.None);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The bench flow is invalid: " + string.Join("; ", problems.Select(p => p.Message)));
        }

        await flows.DeployAsync("bench", "load", null, CancellationToken.None);
    }

    public async Task<(string User, string Password)> IssueDeviceAsync()
    {
        var (id, secret) = DeviceCredentialTokens.Create();
        await app.Services.GetRequiredService<IDeviceCredentialStore>().InsertAsync(new DeviceCredential
        {
            Id = id, Name = "load", Department = "traffic", SecretHash = ApiKeyTokens.HashSecret(secret), CreatedBy = "load", CreatedAt = DateTimeOffset.UnixEpoch,
        }, CancellationToken.None);
        return (DeviceCredentialTokens.UserNameOf(id), secret);
    }

    /// <summary>What the hub says it did not pass on: dead letters of the bench flow (a script over its time limit on a
    /// saturated machine), and the MQTT counters of shed, dropped, rejected or timed-out messages.</summary>
    public async Task<string> AccountingAsync()
    {
        var letters = await app.Services.GetRequiredService<Runtime.Flows.IDeadLetterService>().ListAsync("bench", null, 0, 1_000_000, CancellationToken.None);
        var state = app.Services.GetRequiredService<Mqtt.IMqttStatus>().GetState();
        var broker = state.EmbeddedBroker;
        var reasons = string.Join("; ", letters.Select(l => l.Reason).Distinct().Take(2));
        return $"dead letters {letters.Count}{(reasons.Length > 0 ? $" ({reasons})" : string.Empty)}, bridge dropped {state.Dropped} rejected {state.Rejected} ackTimeouts {state.AckTimeouts}"
            + (broker is null ? string.Empty : $", broker queueDrops {broker.QueueDrops} rejected {broker.Rejected} ackTimeouts {broker.AckTimeouts}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
