using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary>
/// Applies the versioned migrations at start, each in its own IMMEDIATE transaction and recorded in
/// <c>schema_migrations</c>: a failed one rolls back and leaves the previous version; a database that
/// records a version this build does not know is refused (never downgraded or guessed at).
/// </summary>
internal sealed class SqliteStoreInitializer : IHubStoreInitializer
{
    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteStoreInitializer> _logger;
    private readonly IReadOnlyList<Migration> _migrations;

    public SqliteStoreInitializer(
        SqliteConnectionFactory connections, TimeProvider timeProvider, ILogger<SqliteStoreInitializer> logger, IReadOnlyList<Migration> migrations)
    {
        _connections = connections;
        _timeProvider = timeProvider;
        _logger = logger;
        _migrations = [.. migrations.OrderBy(m => m.Version)];
    }

    public async ValueTask<int> InitializeAsync(CancellationToken cancellationToken)
    {
        var database = _connections.Describe();
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await Execute(connection, "PRAGMA journal_mode = WAL;", null, cancellationToken);
        await Execute(connection,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);",
            null, cancellationToken);

        var applied = (await connection.QueryAsync<int>(
            new CommandDefinition("SELECT version FROM schema_migrations ORDER BY version", cancellationToken: cancellationToken))).ToList();
        var current = applied.Count == 0 ? 0 : applied[^1];
        var known = _migrations.Count == 0 ? 0 : _migrations[^1].Version;
        var unknown = applied.Where(v => _migrations.All(m => m.Version != v)).ToList();
        if (unknown.Count > 0)
        {
            StoreLog.DatabaseNewerThanCode(_logger, database, current, known);
            throw new StoreMigrationException(
                $"The database {database} records schema version(s) {string.Join(", ", unknown)}, which this build of Luohu Hub does not know " +
                $"(it knows versions 1 to {known}). It was written by a newer hub: run that version, or restore a backup taken before the upgrade.",
                current);
        }

        foreach (var migration in _migrations.Where(m => !applied.Contains(m.Version)))
        {
            current = await ApplyAsync(connection, migration, current, database, cancellationToken);
        }

        StoreLog.SchemaReady(_logger, database, current);
        return current;
    }

    private async Task<int> ApplyAsync(SqliteConnection connection, Migration migration, int current, string database, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        // Another process may have applied it between our read and our write lock.
        var already = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction, cancellationToken: cancellationToken));
        if (already > 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return Math.Max(current, migration.Version);
        }

        try
        {
            if (migration.Sql.Length > 0)
            {
                await Execute(connection, migration.Sql, transaction, cancellationToken);
            }

            if (migration.Code is { } code)
            {
                await code(connection, transaction, cancellationToken);
            }

            await Execute(connection, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                transaction, cancellationToken, new { migration.Version, migration.Name, AppliedAt = UnixTime.ToMs(_timeProvider.GetUtcNow()) });
            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            StoreLog.MigrationFailed(_logger, ex, database, migration.Version, migration.Name, current);
            throw new StoreMigrationException(
                $"Migration {migration.Version} '{migration.Name}' of {database} failed: {ex.Message}. The database stays at schema version {current}; " +
                "fix the cause (disk full, file permissions, a damaged file) or report the migration, then start again.",
                current, ex);
        }

        StoreLog.MigrationApplied(_logger, database, migration.Version, migration.Name);
        return migration.Version;
    }

    private static Task<int> Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction, CancellationToken cancellationToken, object? parameters = null) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}
