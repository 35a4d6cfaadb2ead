using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary>
/// One schema step: version, a name for people, and the SQL run in one transaction — or, for a step that rewrites
/// stored documents (flows' JSON), the code that does it inside that transaction.
/// </summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Runs after <see cref="Sql"/>, in the same transaction; null for a plain SQL step.</summary>
    public Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>? Code { get; init; }

    private const string ResourcePrefix = "Storage/Migrations/";

    /// <summary>The migrations of this build: the SQL embedded in this assembly (<c>Storage/Migrations/NNNN_name.sql</c>) and the code steps, in version order.</summary>
    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = resource[ResourcePrefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore < 1 || !int.TryParse(file.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Embedded migration '{resource}' is not named NNNN_name.sql; rename it so its version can be read.");
            }

            migrations.Add(new Migration(version, file[(underscore + 1)..], Read(assembly, resource)));
        }

        // A code step may belong to a SQL step of the same version (a new table, then the documents moved into it).
        foreach (var code in CodeMigrations.All)
        {
            var sql = migrations.FindIndex(m => m.Version == code.Version);
            if (sql < 0)
            {
                migrations.Add(code);
            }
            else
            {
                migrations[sql] = migrations[sql] with { Code = code.Code };
            }
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
