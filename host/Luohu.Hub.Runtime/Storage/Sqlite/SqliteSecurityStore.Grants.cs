using Dapper;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

internal sealed partial class SqliteSecurityStore
{
    private const string GrantSelect = """
        SELECT id AS Id, department_id AS Department, kind AS Kind, target AS Target, device_groups AS DeviceGroups,
               created_by AS CreatedBy, created_at AS CreatedAt
        FROM grants
        """;

    public async Task<IReadOnlyList<Grant>> ListGrantsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<GrantRow>(new CommandDefinition(
            GrantSelect + " ORDER BY department_id, kind, target", cancellationToken: cancellationToken));
        return [.. rows.Select(ToGrant)];
    }

    public async Task InsertGrantAsync(Grant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO grants (id, department_id, kind, target, device_groups, created_by, created_at)
            VALUES (@Id, @Department, @Kind, @Target, @DeviceGroups, @CreatedBy, @CreatedAt)
            """, new
        {
            grant.Id, grant.Department, Kind = grant.Kind == GrantKind.Stream ? "stream" : "capability", grant.Target,
            DeviceGroups = grant.DeviceGroups.Count == 0 ? null : ToJson(grant.DeviceGroups),
            grant.CreatedBy, CreatedAt = UnixTime.ToMs(grant.CreatedAt),
        }, cancellationToken: cancellationToken));
    }

    public async Task<Grant?> DeleteGrantAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<GrantRow>(new CommandDefinition(
            GrantSelect + " WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM grants WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return ToGrant(row);
    }

    private static Grant ToGrant(GrantRow row) => new()
    {
        Id = row.Id,
        Department = row.Department,
        Kind = row.Kind == "stream" ? GrantKind.Stream : GrantKind.Capability,
        Target = row.Target,
        DeviceGroups = FromJson(row.DeviceGroups),
        CreatedBy = row.CreatedBy,
        CreatedAt = UnixTime.FromMs(row.CreatedAt),
    };

    private sealed class GrantRow
    {
        public string Id { get; set; } = "";
        public string Department { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Target { get; set; } = "";
        public string? DeviceGroups { get; set; }
        public string CreatedBy { get; set; } = "";
        public long CreatedAt { get; set; }
    }
}
