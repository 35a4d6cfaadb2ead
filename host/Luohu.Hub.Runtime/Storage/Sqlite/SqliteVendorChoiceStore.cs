using Dapper;
using Luohu.Hub.Runtime.Capabilities;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary><see cref="IVendorChoiceStore"/> on SQLite (<c>vendor_choices</c>, schema 8).</summary>
internal sealed class SqliteVendorChoiceStore(SqliteConnectionFactory connections, TimeProvider time) : IVendorChoiceStore
{
    public async Task<IReadOnlyDictionary<string, VendorChoice>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Capability, string? Serving, string? Shadow)>(new CommandDefinition(
            "SELECT capability, serving, shadow FROM vendor_choices", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Capability, r => new VendorChoice(r.Serving, r.Shadow), StringComparer.Ordinal);
    }

    public async Task SetAsync(string capability, VendorChoice choice, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (choice == VendorChoice.Default)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM vendor_choices WHERE capability = @capability", new { capability }, cancellationToken: cancellationToken));
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO vendor_choices (capability, serving, shadow, updated_by, updated_at) VALUES (@capability, @Serving, @Shadow, @author, @at)
            ON CONFLICT (capability) DO UPDATE SET serving = excluded.serving, shadow = excluded.shadow, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, new { capability, choice.Serving, choice.Shadow, author, at = UnixTime.ToMs(time.GetUtcNow()) }, cancellationToken: cancellationToken));
    }
}
