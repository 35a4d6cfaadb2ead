using Dapper;
using Luohu.Hub.Runtime.Storage.Sqlite.Rows;
using Microsoft.Data.Sqlite;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IFlowStore"/> on SQLite. Multi-statement changes run in IMMEDIATE transactions.</summary>
internal sealed class SqliteFlowStore : IFlowStore
{
    private const string SelectFlow = """
        SELECT f.id AS Id, f.name AS Name, f.department AS Department, f.description AS Description, f.json AS Json,
               f.created_by AS CreatedBy, f.created_at AS CreatedAt, f.updated_by AS UpdatedBy, f.updated_at AS UpdatedAt,
               (SELECT MAX(v.version) FROM flow_versions v WHERE v.flow_id = f.id) AS LatestVersion,
               d.version AS DeployedVersion
        FROM flows f LEFT JOIN flow_deployments d ON d.flow_id = f.id
        """;

    private const string SelectVersion =
        "SELECT flow_id AS FlowId, version AS Version, json AS Json, author AS Author, comment AS Comment, created_at AS CreatedAt FROM flow_versions";

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _timeProvider;

    public SqliteFlowStore(SqliteConnectionFactory connections, TimeProvider timeProvider)
    {
        _connections = connections;
        _timeProvider = timeProvider;
    }

    public async ValueTask<IReadOnlyList<FlowRecord>> ListAsync(string? department, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FlowRow>(Cmd(
            $"{SelectFlow} WHERE @Department IS NULL OR f.department = @Department ORDER BY f.id", new { Department = department }, null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async ValueTask<FlowRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FlowRow>(Cmd($"{SelectFlow} WHERE f.id = @Id", new { Id = id }, null, cancellationToken));
        return row?.ToRecord();
    }

    public async ValueTask<FlowRecord> UpsertDraftAsync(FlowRecord flow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentException.ThrowIfNullOrWhiteSpace(flow.Id, nameof(flow));
        ArgumentException.ThrowIfNullOrWhiteSpace(flow.Department, nameof(flow));
        ArgumentException.ThrowIfNullOrWhiteSpace(flow.Json, nameof(flow));
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Cmd("""
            INSERT INTO flows (id, name, department, description, json, created_by, created_at, updated_by, updated_at)
            VALUES (@Id, @Name, @Department, @Description, @Json, @UpdatedBy, @Now, @UpdatedBy, @Now)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, department = excluded.department, description = excluded.description,
                json = excluded.json, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """,
            new { flow.Id, flow.Name, flow.Department, flow.Description, flow.Json, flow.UpdatedBy, Now = Now() }, null, cancellationToken));
        var row = await connection.QuerySingleAsync<FlowRow>(Cmd($"{SelectFlow} WHERE f.id = @Id", new { flow.Id }, null, cancellationToken));
        return row.ToRecord();
    }

    public async ValueTask<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(Cmd("DELETE FROM node_state WHERE flow_id = @Id", new { Id = id }, transaction, cancellationToken));

        // Versions, the deployment and the deploy history go by ON DELETE CASCADE; dead letters have no key to flows and stay.
        var deleted = await connection.ExecuteAsync(Cmd("DELETE FROM flows WHERE id = @Id", new { Id = id }, transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    public async ValueTask<FlowVersionRecord> AddVersionAsync(string flowId, string json, string author, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        var now = Now();
        await using var connection = await _connections.OpenAsync(cancellationToken);

        // One statement takes the write lock before it reads MAX(version), so concurrent callers get 1..n without gaps.
        var version = await connection.QuerySingleOrDefaultAsync<long?>(Cmd("""
            INSERT INTO flow_versions (flow_id, version, json, author, comment, created_at)
            SELECT f.id, COALESCE((SELECT MAX(v.version) FROM flow_versions v WHERE v.flow_id = f.id), 0) + 1, @Json, @Author, @Comment, @Now
            FROM flows f WHERE f.id = @FlowId
            RETURNING version
            """, new { FlowId = flowId, Json = json, Author = author, Comment = comment, Now = now }, null, cancellationToken))
            ?? throw new KeyNotFoundException($"Flow '{flowId}' does not exist; save it (UpsertDraftAsync) before adding a version.");
        return new FlowVersionRecord { FlowId = flowId, Version = (int)version, Json = json, Author = author, Comment = comment, CreatedAt = UnixTime.FromMs(now) };
    }

    public async ValueTask<FlowVersionRecord?> GetVersionAsync(string flowId, int version, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FlowVersionRow>(Cmd(
            $"{SelectVersion} WHERE flow_id = @FlowId AND version = @Version", new { FlowId = flowId, Version = version }, null, cancellationToken));
        return row?.ToRecord();
    }

    public async ValueTask<IReadOnlyList<FlowVersionRecord>> ListVersionsAsync(string flowId, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FlowVersionRow>(Cmd(
            $"{SelectVersion} WHERE flow_id = @FlowId ORDER BY version", new { FlowId = flowId }, null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async ValueTask<DeployRecord> SetDeployedAsync(string flowId, int? version, DeployAction action, string author, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        if ((version is null) != (action == DeployAction.Undeploy))
        {
            throw new ArgumentException($"Flow '{flowId}': an undeploy takes no version and a {StoreText.Of(action)} needs one (got {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).", nameof(version));
        }

        var now = Now();
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var args = new { FlowId = flowId, Version = version, Action = StoreText.Of(action), Author = author, Now = now };
        if (version is null)
        {
            var exists = await connection.ExecuteScalarAsync<long>(Cmd("SELECT COUNT(*) FROM flows WHERE id = @FlowId", args, transaction, cancellationToken));
            if (exists == 0)
            {
                throw new KeyNotFoundException($"Flow '{flowId}' does not exist, so it cannot be undeployed.");
            }

            await connection.ExecuteAsync(Cmd("DELETE FROM flow_deployments WHERE flow_id = @FlowId", args, transaction, cancellationToken));
        }
        else
        {
            var exists = await connection.ExecuteScalarAsync<long>(Cmd(
                "SELECT COUNT(*) FROM flow_versions WHERE flow_id = @FlowId AND version = @Version", args, transaction, cancellationToken));
            if (exists == 0)
            {
                throw new KeyNotFoundException($"Flow '{flowId}' has no version {version}; list its versions and pick one that exists.");
            }

            await connection.ExecuteAsync(Cmd("""
                INSERT INTO flow_deployments (flow_id, version, deployed_by, deployed_at) VALUES (@FlowId, @Version, @Author, @Now)
                ON CONFLICT (flow_id) DO UPDATE SET version = excluded.version, deployed_by = excluded.deployed_by, deployed_at = excluded.deployed_at
                """, args, transaction, cancellationToken));
        }

        var id = await connection.ExecuteScalarAsync<long>(Cmd(
            "INSERT INTO deploys (flow_id, version, action, author, at) VALUES (@FlowId, @Version, @Action, @Author, @Now) RETURNING id",
            args, transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new DeployRecord { Id = id, FlowId = flowId, Version = version, Action = action, Author = author, At = UnixTime.FromMs(now) };
    }

    public async ValueTask<IReadOnlyList<DeployedFlow>> ListDeployedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeployedFlowRow>(Cmd("""
            SELECT d.flow_id AS FlowId, d.version AS Version, v.json AS Json, d.deployed_by AS DeployedBy, d.deployed_at AS DeployedAt
            FROM flow_deployments d JOIN flow_versions v ON v.flow_id = d.flow_id AND v.version = d.version
            ORDER BY d.flow_id
            """, null, null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async ValueTask<IReadOnlyList<DeployRecord>> ListDeploysAsync(string flowId, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        await using var connection = await _connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeployRow>(Cmd(
            "SELECT id AS Id, flow_id AS FlowId, version AS Version, action AS Action, author AS Author, at AS At FROM deploys WHERE flow_id = @FlowId ORDER BY id DESC LIMIT @Take",
            new { FlowId = flowId, Take = take }, null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    private long Now() => UnixTime.ToMs(_timeProvider.GetUtcNow());

    private static CommandDefinition Cmd(string sql, object? parameters, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
