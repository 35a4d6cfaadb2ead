namespace Luohu.Hub.Runtime.Storage;

/// <summary>Where the embedded store keeps its database (section <c>Hub:Store</c> when bound from configuration).</summary>
public sealed class StoreOptions
{
    /// <summary>The data folder; the database is <c>hub.db</c> in it. Relative paths are relative to the working directory. Default <c>data</c>.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>A full connection string; when set, <see cref="DataPath"/> is ignored. Default none.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a write waits for another writer to finish before failing. Default 5 seconds.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
