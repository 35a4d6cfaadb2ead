namespace Luohu.Hub.Runtime.Storage;

/// <summary>
/// Prepares the store at start: creates the database when absent and applies pending migrations, each in
/// its own transaction. Call once before any store is used; calling again is a no-op.
/// Throws <see cref="StoreMigrationException"/> when the database cannot be brought to this build's schema.
/// </summary>
internal interface IHubStoreInitializer
{
    /// <summary>Returns the schema version the database is at afterwards.</summary>
    ValueTask<int> InitializeAsync(CancellationToken cancellationToken);
}
