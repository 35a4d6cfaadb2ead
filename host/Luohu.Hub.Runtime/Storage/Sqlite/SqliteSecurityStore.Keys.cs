using Dapper;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

internal sealed partial class SqliteSecurityStore
{
    private const string KeySelect = """
        SELECT id AS Id, name AS Name, prefix AS Prefix, secret_hash AS SecretHash, owner AS Owner, departments AS Departments,
               roles AS Roles, created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt, last_used_at AS LastUsedAt
        FROM api_keys
        """;

    public async Task InsertKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO api_keys (id, name, prefix, secret_hash, owner, departments, roles, created_at, expires_at, revoked_at, last_used_at)
            VALUES (@Id, @Name, @Prefix, @SecretHash, @Owner, @Departments, @Roles, @CreatedAt, @ExpiresAt, NULL, NULL)
            """, new
        {
            key.Id, key.Name, key.Prefix, key.SecretHash, key.Owner,
            Departments = ToJson(key.Departments), Roles = ToJson(key.Roles),
            CreatedAt = UnixTime.ToMs(key.CreatedAt),
            ExpiresAt = key.ExpiresAt is { } e ? UnixTime.ToMs(e) : (long?)null,
        }, cancellationToken: cancellationToken));
    }

    public async Task<ApiKey?> FindKeyByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            KeySelect + " WHERE prefix = @Prefix", new { Prefix = prefix }, cancellationToken: cancellationToken));
        return row is null ? null : ToKey(row);
    }

    public async Task<ApiKey?> FindKeyAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(
            KeySelect + " WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row is null ? null : ToKey(row);
    }

    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(string? owner, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(
            KeySelect + " WHERE @Owner IS NULL OR owner = @Owner ORDER BY created_at, id", new { Owner = owner }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToKey)];
    }

    public async Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL",
            new { Id = id, At = UnixTime.ToMs(at) }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task TouchKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET last_used_at = @At WHERE id = @Id", new { Id = id, At = UnixTime.ToMs(at) }, cancellationToken: cancellationToken));
    }

    private static ApiKey ToKey(KeyRow row) => new()
    {
        Id = row.Id,
        Name = row.Name,
        Prefix = row.Prefix,
        SecretHash = row.SecretHash,
        Owner = row.Owner,
        Departments = FromJson(row.Departments),
        Roles = FromJson(row.Roles),
        CreatedAt = UnixTime.FromMs(row.CreatedAt),
        ExpiresAt = row.ExpiresAt is { } e ? UnixTime.FromMs(e) : null,
        RevokedAt = row.RevokedAt is { } r ? UnixTime.FromMs(r) : null,
        LastUsedAt = row.LastUsedAt is { } u ? UnixTime.FromMs(u) : null,
    };

    private sealed class KeyRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Prefix { get; set; } = "";
        public string SecretHash { get; set; } = "";
        public string Owner { get; set; } = "";
        public string Departments { get; set; } = "[]";
        public string Roles { get; set; } = "[]";
        public long CreatedAt { get; set; }
        public long? ExpiresAt { get; set; }
        public long? RevokedAt { get; set; }
        public long? LastUsedAt { get; set; }
    }
}
