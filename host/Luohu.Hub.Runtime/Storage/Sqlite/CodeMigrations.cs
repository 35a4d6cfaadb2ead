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
}
