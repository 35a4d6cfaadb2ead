using System.Text.Json;
using Dapper;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="ISecurityStore"/> on SQLite: departments and users here, keys and grants in the other parts.</summary>
internal sealed partial class SqliteSecurityStore(SqliteConnectionFactory connections) : ISecurityStore
{
    public async Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string NameZh, string NameEn)>(new CommandDefinition(
            "SELECT id, name_zh, name_en FROM departments ORDER BY id", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Department(r.Id, r.NameZh, r.NameEn))];
    }

    public async Task UpsertDepartmentAsync(Department department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(department);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO departments (id, name_zh, name_en, created_at) VALUES (@Id, @NameZh, @NameEn, 0)
            ON CONFLICT (id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en
            """, new { department.Id, department.NameZh, department.NameEn }, cancellationToken: cancellationToken));
    }

    public async Task<bool> DeleteDepartmentAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM departments WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<int> CountUsersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM users", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<HubUser>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(UserSelect + " ORDER BY u.name", cancellationToken: cancellationToken));
        return [.. rows.Select(ToUser)];
    }

    public async Task<HubUser?> FindUserAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            UserSelect + " WHERE u.name = @Name", new { Name = name }, cancellationToken: cancellationToken));
        return row is null ? null : ToUser(row);
    }

    public async Task UpsertUserAsync(HubUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO users (name, display_name, password_hash, roles, failed_count, created_at, updated_at)
            VALUES (@Name, @DisplayName, @PasswordHash, @Roles, @FailedCount, @CreatedAt, @UpdatedAt)
            ON CONFLICT (name) DO UPDATE SET display_name = excluded.display_name, password_hash = excluded.password_hash,
                roles = excluded.roles, failed_count = excluded.failed_count, updated_at = excluded.updated_at
            """, new
        {
            user.Name, user.DisplayName, user.PasswordHash, Roles = ToJson(user.Roles), user.FailedCount,
            CreatedAt = UnixTime.ToMs(user.CreatedAt), UpdatedAt = UnixTime.ToMs(user.UpdatedAt),
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_departments WHERE user_name = @Name", new { user.Name }, transaction, cancellationToken: cancellationToken));
        foreach (var department in user.Departments.Distinct(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO user_departments (user_name, department_id) VALUES (@Name, @Department)",
                new { user.Name, Department = department }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> DeleteUserAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM users WHERE name = @Name", new { Name = name }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task RecordSignInAsync(string name, bool succeeded, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var sql = succeeded
            ? "UPDATE users SET failed_count = 0 WHERE name = @Name"
            : "UPDATE users SET failed_count = failed_count + 1 WHERE name = @Name";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { Name = name }, cancellationToken: cancellationToken));
    }

    private const string UserSelect = """
        SELECT u.name AS Name, u.display_name AS DisplayName, u.password_hash AS PasswordHash, u.roles AS Roles,
               u.failed_count AS FailedCount, u.created_at AS CreatedAt, u.updated_at AS UpdatedAt,
               (SELECT json_group_array(department_id) FROM user_departments d WHERE d.user_name = u.name) AS Departments
        FROM users u
        """;

    private static HubUser ToUser(UserRow row) => new()
    {
        Name = row.Name,
        DisplayName = row.DisplayName,
        PasswordHash = row.PasswordHash,
        Roles = FromJson(row.Roles),
        Departments = FromJson(row.Departments),
        FailedCount = (int)row.FailedCount,
        CreatedAt = UnixTime.FromMs(row.CreatedAt),
        UpdatedAt = UnixTime.FromMs(row.UpdatedAt),
    };

    internal static string ToJson(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    internal static IReadOnlyList<string> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    private sealed class UserRow
    {
        public string Name { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string PasswordHash { get; set; } = "";
        public string Roles { get; set; } = "[]";
        public long FailedCount { get; set; }
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }
        public string? Departments { get; set; }
    }
}
