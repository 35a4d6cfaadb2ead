using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary>Opens connections to the hub's SQLite database with the settings every connection needs.</summary>
internal sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private volatile bool _folderReady;

    public SqliteConnectionFactory(IOptions<StoreOptions> options)
    {
        var value = options.Value;
        if (value.ConnectionString is { Length: > 0 } explicitConnection)
        {
            _connectionString = explicitConnection;
        }
        else
        {
            var folder = Path.GetFullPath(value.DataPath);
            DatabasePath = Path.Combine(folder, "hub.db");
            _connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = DatabasePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                ForeignKeys = true,
                DefaultTimeout = (int)Math.Ceiling(value.BusyTimeout.TotalSeconds),
            }.ToString();
        }

        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(long)value.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
    }

    /// <summary>The database file, when the store was configured by <see cref="StoreOptions.DataPath"/>.</summary>
    public string? DatabasePath { get; }

    public string Describe() => DatabasePath ?? "(connection string)";

    public async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (DatabasePath is not null && !_folderReady)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            _folderReady = true;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
