namespace Luohu.Hub.Sdk.Plugins;

/// <summary>
/// A small persistent key-value store private to one plugin id (cursors, last-seen ids, tokens).
/// Values are strings; store JSON for structure. Not meant for bulk data.
/// </summary>
public interface IPluginStateStore
{
    /// <summary>Reads a value, or <see langword="null"/> when the key is absent.</summary>
    /// <param name="key">The key, at most 200 characters.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes a value, replacing any previous one.</summary>
    /// <param name="key">The key, at most 200 characters.</param>
    /// <param name="value">The value, at most 64 KiB.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>Removes a value; removing an absent key does nothing.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);
}
