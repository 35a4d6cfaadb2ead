using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Storage.Sqlite;

/// <summary>Store log messages; event ids 2100–2199 are the store's.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Store {Database}: applied migration {Version} '{Name}'")]
    public static partial void MigrationApplied(ILogger logger, string database, int version, string name);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Store {Database} is at schema version {Version}")]
    public static partial void SchemaReady(ILogger logger, string database, int version);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Store {Database}: migration {Version} '{Name}' failed; the database stays at version {Current}")]
    public static partial void MigrationFailed(ILogger logger, Exception exception, string database, int version, string name, int current);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Critical, Message = "Store {Database} has schema version {DatabaseVersion} but this build knows only up to {KnownVersion}; refusing to start")]
    public static partial void DatabaseNewerThanCode(ILogger logger, string database, int databaseVersion, int knownVersion);
}
