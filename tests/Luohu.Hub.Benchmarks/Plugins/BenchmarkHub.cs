using System.IO.Compression;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Benchmarks.Plugins;

/// <summary>The plugin runtime over a temporary folder, and the staged Counter fixture as a zip.</summary>
internal sealed class BenchmarkHub
{
    private readonly ServiceProvider services;

    public BenchmarkHub(Action<PluginOptions>? configure = null, IMessagePublisher? publisher = null, Dictionary<string, string?>? settings = null)
    {
        PluginsPath = Path.Combine(Path.GetTempPath(), "luohu-bench-" + Guid.NewGuid().ToString("N"));
        var collection = new ServiceCollection();
        if (publisher is not null)
        {
            collection.AddSingleton(publisher);
        }

        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services = collection
            .AddHubPlugins(o =>
            {
                o.PluginsPath = PluginsPath;
                o.BundledPluginsPath = Path.Combine(PluginsPath, ".none");
                o.WatchPluginsFolder = false;
                configure?.Invoke(o);
            })
            .BuildServiceProvider();
        Manager = services.GetRequiredService<PluginManager>();
    }

    public string PluginsPath { get; }

    public PluginManager Manager { get; }

    public IServiceProvider Services => services;

    /// <summary>The Counter fixture staged by its build, zipped in memory.</summary>
    public static byte[] CounterZip()
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "test-plugins", "Counter.V1");
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }

        return stream.ToArray();
    }

    public async Task ShutdownAsync()
    {
        await Manager.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
        Directory.Delete(PluginsPath, recursive: true);
    }
}
