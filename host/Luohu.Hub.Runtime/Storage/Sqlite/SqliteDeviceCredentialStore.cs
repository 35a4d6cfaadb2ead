using Dapper;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IDeviceCredentialStore"/> on SQLite (table <c>device_credentials</c>, migration 0005).</summary>
internal sealed class SqliteDeviceCredentialStore(SqliteConnectionFactory connections) : IDeviceCredentialStore
{
    private const string Select = """
        SELECT id AS Id, name AS Name, department AS Department, publish AS Publish, secret_hash AS SecretHash,
               created_by AS CreatedBy, created_at AS CreatedAt, revoked_at AS RevokedAt
        FROM device_credentials
        """;

    public async Task InsertAsync(DeviceCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO device_credentials (id, name, department, publish, secret_hash, created_by, created_at, revoked_at)
            VALUES (@Id, @Name, @Department, @Publish, @SecretHash, @CreatedBy, @CreatedAt, NULL)
            """, new
        {
            credential.Id, credential.Name, credential.Department, Publish = SqliteSecurityStore.ToJson(credential.Publish),
            credential.SecretHash, credential.CreatedBy, CreatedAt = UnixTime.ToMs(credential.CreatedAt),
        }, cancellationToken: cancellationToken));
    }

    public async Task<DeviceCredential?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Select + " WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row is null ? null : ToCredential(row);
    }

    public async Task<IReadOnlyList<DeviceCredential>> ListAsync(string? department, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE @Department IS NULL OR department = @Department ORDER BY created_at, id", new { Department = department }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToCredential)];
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE device_credentials SET revoked_at = @At WHERE id = @Id AND revoked_at IS NULL",
            new { Id = id, At = UnixTime.ToMs(at) }, cancellationToken: cancellationToken)) > 0;
    }

    private static DeviceCredential ToCredential(Row row) => new()
    {
        Id = row.Id,
        Name = row.Name,
        Department = row.Department,
        Publish = SqliteSecurityStore.FromJson(row.Publish),
        SecretHash = row.SecretHash,
        CreatedBy = row.CreatedBy,
        CreatedAt = UnixTime.FromMs(row.CreatedAt),
        RevokedAt = row.RevokedAt is { } r ? UnixTime.FromMs(r) : null,
    };

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string Department { get; set; } = "";
        public string Publish { get; set; } = "[]";
        public string SecretHash { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public long CreatedAt { get; set; }
        public long? RevokedAt { get; set; }
    }
}
