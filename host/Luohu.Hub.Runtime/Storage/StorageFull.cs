using Microsoft.Data.Sqlite;

namespace Luohu.Hub.Runtime.Storage;

/// <summary>
/// Whether a failure is the hub's data folder being full (SQLite's <c>SQLITE_FULL</c>, or a write refused with no space
/// left on the device) rather than a fault of whoever asked for the write: the API answers it as 507, and a plugin
/// whose event source failed on it is not counted towards quarantine.
/// </summary>
internal static class StorageFull
{
    private const int SqliteFull = 13;
    private const int NoSpaceLeftOnDevice = 28; // ENOSPC: .NET on Unix carries the errno as the IOException's HResult.
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>The problem's title and detail for an API caller.</summary>
    public const string Title = "The hub's data folder is full";

    public const string Detail = "The change was not made: the hub could not write to its store because its data folder has no space left. Nothing was half applied; free space under Hub:DataPath (old backups, logs) and try again.";

    /// <summary>True when <paramref name="error"/> or any exception inside it is a full disk.</summary>
    public static bool IsCause(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is SqliteException { SqliteErrorCode: SqliteFull }
                || current is IOException { HResult: NoSpaceLeftOnDevice or WindowsDiskFull or WindowsHandleDiskFull })
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(IsCause))
            {
                return true;
            }
        }

        return false;
    }
}
