namespace Luohu.Hub.Runtime.Storage;

/// <summary>The database could not be brought to the schema this build expects; the message says why and what to do.</summary>
internal sealed class StoreMigrationException : Exception
{
    public StoreMigrationException(string message, int databaseVersion, Exception? inner = null)
        : base(message, inner)
    {
        DatabaseVersion = databaseVersion;
    }

    /// <summary>The schema version the database is at (unchanged by the failed attempt).</summary>
    public int DatabaseVersion { get; }
}
