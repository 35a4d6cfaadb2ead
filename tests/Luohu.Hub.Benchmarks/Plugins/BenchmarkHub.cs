using System.IO.Compression;
using Luohu.Hub.Runtime.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Benchmarks.Plugins;

/// <summary>The plugin runtime over a temporary folder, and the staged Counter fixture as a zip.</summary>
internal sealed class BenchmarkHub
{
    private readonly ServiceProvider services;

    public BenchmarkHub()
    {
        PluginsPath = Path.Combine(Path.GetTempPath(), "luohu-bench-" + Guid.NewGuid().ToString("N"));
        services = new ServiceCollection()
            .AddHubPlugins(o =>
            {
                o.PluginsPath = PluginsPath;
                o.BundledPluginsPath = Path.Combine(PluginsPath, ".none");
                o.WatchPluginsFolder = false;
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
