using Dapper;
using Luohu.Hub.Runtime.Flows.Persistence;
using Microsoft.Data.Sqlite;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary>Schema steps that rewrite stored documents rather than tables.</summary>
internal static class CodeMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(3, "rule-workflows-declare-javascript", string.Empty) { Code = DeclareJavaScriptWorkflowsAsync },
        new(7, "webhooks-say-who-may-call", string.Empty) { Code = MoveWebhookSecretsAsync },
    ];

    /// <summary>
    /// The hub's rule workflows were JavaScript without saying so; RulesEngine reads a workflow without
    /// <c>RuleExpressionType</c> as lambda expressions. Every stored flow and flow version says it now.
    /// </summary>
    private static async Task DeclareJavaScriptWorkflowsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var drafts = await connection.QueryAsync<(string Id, string Json)>(new CommandDefinition("SELECT id, json FROM flows", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var (id, json) in drafts)
        {
            if (RuleDialectUpgrade.Upgrade(json) is { } upgraded)
            {
                await connection.ExecuteAsync(new CommandDefinition("UPDATE flows SET json = @upgraded WHERE id = @id", new { upgraded, id }, transaction, cancellationToken: cancellationToken));
            }
        }

        var versions = await connection.QueryAsync<(string FlowId, long Version, string Json)>(
            new CommandDefinition("SELECT flow_id, version, json FROM flow_versions", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var (flowId, version, json) in versions)
        {
            if (RuleDialectUpgrade.Upgrade(json) is { } upgraded)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE flow_versions SET json = @upgraded WHERE flow_id = @flowId AND version = @version", new { upgraded, flowId, version }, transaction, cancellationToken: cancellationToken));
            }
        }
    }

    /// <summary>
    /// Every stored webhook trigger says who may call it, and no flow (draft or version) keeps a secret: see
    /// <see cref="WebhookAuthUpgrade"/>. The secrets go into <c>department_secrets</c> in the clear, inside this
    /// transaction; the hub encrypts them as it starts (the key ring is not reachable from a migration). Versions go
    /// first so a draft's secret, the one in use, wins over an older version's.
    /// </summary>
    private static async Task MoveWebhookSecretsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        async Task SaveSecretsAsync(IReadOnlyList<(string Department, string Name, string Value)> secrets)
        {
            foreach (var (department, name, value) in secrets)
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO department_secrets (department, name, protected_value, plaintext, updated_by, updated_at)
                    VALUES (@department, @name, NULL, @value, 'system:migration', CAST(strftime('%s', 'now') AS INTEGER) * 1000)
                    ON CONFLICT (department, name) DO UPDATE SET protected_value = NULL, plaintext = excluded.plaintext, updated_at = excluded.updated_at
                    """, new { department, name, value }, transaction, cancellationToken: cancellationToken));
            }
        }

        var versions = await connection.QueryAsync<(string FlowId, long Version, string Json)>(
            new CommandDefinition("SELECT flow_id, version, json FROM flow_versions ORDER BY version", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var (flowId, version, json) in versions)
        {
            if (WebhookAuthUpgrade.Upgrade(json) is { } upgraded)
            {
                await SaveSecretsAsync(upgraded.Secrets);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE flow_versions SET json = @json WHERE flow_id = @flowId AND version = @version", new { json = upgraded.Json, flowId, version }, transaction, cancellationToken: cancellationToken));
            }
        }

        var drafts = await connection.QueryAsync<(string Id, string Json)>(new CommandDefinition("SELECT id, json FROM flows", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var (id, json) in drafts)
        {
            if (WebhookAuthUpgrade.Upgrade(json) is { } upgraded)
            {
                await SaveSecretsAsync(upgraded.Secrets);
                await connection.ExecuteAsync(new CommandDefinition("UPDATE flows SET json = @json WHERE id = @id", new { json = upgraded.Json, id }, transaction, cancellationToken: cancellationToken));
            }
        }
    }
}
