using Luohu.Hub.Runtime.Hosting;
using Luohu.Hub.Runtime.Storage.Backup;

namespace Luohu.Hub.Host;

/// <summary>
/// <c>Luohu.Hub.Host restore {backup.zip} [--Hub:DataPath=…] [--Hub:PluginsPath=…]</c>: restores a backup taken by
/// <c>POST /api/v1/backup</c> into an empty data folder (the same configuration the hub reads: appsettings.json,
/// <c>Hub__DataPath</c>, arguments), then exits; start the hub on that folder afterwards.
/// </summary>
internal static class RestoreCommand
{
    public const string Verb = "restore";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("usage: Luohu.Hub.Host restore <backup.zip> [--Hub:DataPath=<empty folder>] [--Hub:PluginsPath=<folder>]");
            return 2;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args[1..])
            .Build();
        var options = configuration.GetSection(HubOptions.SectionName).Get<HubOptions>() ?? new HubOptions();
        var root = Directory.GetCurrentDirectory();
        var dataPath = options.ResolveDataPath(root);
        var pluginsPath = string.IsNullOrWhiteSpace(options.PluginsPath) ? null : options.ResolvePluginsPath(root);
        try
        {
            var manifest = await HubRestore.RestoreAsync(Path.GetFullPath(args[0], root), dataPath, pluginsPath, CancellationToken.None);
            await output.WriteLineAsync($"Restored the backup of {manifest.CreatedAt:u} (schema {manifest.SchemaVersion}, database {manifest.DatabaseBytes:N0} bytes, {manifest.Files:N0} files) into {dataPath}.");
            return 0;
        }
        catch (BackupException ex)
        {
            await error.WriteLineAsync($"restore: {ex.Message}");
            return 1;
        }
    }
}
