using Dapper;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IDepartmentSecretStore"/> on SQLite (<c>department_secrets</c>, schema 7).</summary>
internal sealed class SqliteDepartmentSecretStore(SqliteConnectionFactory connections) : IDepartmentSecretStore
{
    public async Task<IReadOnlyList<DepartmentSecret>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Department, string Name, string? ProtectedValue, string? Plaintext, string UpdatedBy, long UpdatedAt)>(new CommandDefinition(
            "SELECT department, name, protected_value, plaintext, updated_by, updated_at FROM department_secrets ORDER BY department, name", cancellationToken: cancellationToken));
        return [.. rows.Select(r => new DepartmentSecret
        {
            Department = r.Department, Name = r.Name, ProtectedValue = r.ProtectedValue, Plaintext = r.Plaintext, UpdatedBy = r.UpdatedBy, UpdatedAt = UnixTime.FromMs(r.UpdatedAt),
        })];
    }

    public async Task UpsertAsync(DepartmentSecret secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO department_secrets (department, name, protected_value, plaintext, updated_by, updated_at)
            VALUES (@Department, @Name, @ProtectedValue, @Plaintext, @UpdatedBy, @UpdatedAt)
            ON CONFLICT (department, name) DO UPDATE SET protected_value = excluded.protected_value, plaintext = excluded.plaintext,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, new { secret.Department, secret.Name, secret.ProtectedValue, secret.Plaintext, secret.UpdatedBy, UpdatedAt = UnixTime.ToMs(secret.UpdatedAt) },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> DeleteAsync(string department, string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM department_secrets WHERE department = @department AND name = @name", new { department, name }, cancellationToken: cancellationToken)) > 0;
    }
}
