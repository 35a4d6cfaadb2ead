using Luohu.Hub.Runtime.Tests.Flows;
using Luohu.Hub.Runtime.Storage;
using Luohu.Hub.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Storage;

/// <summary>A real SQLite store in a temporary folder, deleted on dispose; <see cref="RestartAsync"/> reopens the file.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private ServiceProvider _provider;

    private TempStore(string folder)
    {
        Folder = folder;
        _provider = Build();
    }

    public string Folder { get; }

    public ManualTime Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => _provider;

    public IFlowStore Flows => _provider.GetRequiredService<IFlowStore>();

    public INodeStateStore NodeState => _provider.GetRequiredService<INodeStateStore>();

    public IDeadLetterStore DeadLetters => _provider.GetRequiredService<IDeadLetterStore>();

    public SqliteConnectionFactory Connections => _provider.GetRequiredService<SqliteConnectionFactory>();

    public static async Task<TempStore> CreateAsync(bool initialize = true)
    {
        var store = new TempStore(Path.Combine(Path.GetTempPath(), "luohu-store-" + Guid.NewGuid().ToString("N")));
        if (initialize)
        {
            await store._provider.GetRequiredService<IHubStoreInitializer>().InitializeAsync(CancellationToken.None);
        }

        return store;
    }

    /// <summary>Drops every connection and service, as a process exit would, and starts afresh on the same file.</summary>
    public async Task RestartAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _provider = Build();
        await _provider.GetRequiredService<IHubStoreInitializer>().InitializeAsync(CancellationToken.None);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Connections.OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddHubSqliteStore(o => o.DataPath = Folder);
        return services.BuildServiceProvider();
    }
}
