using System.Diagnostics;
using System.Globalization;
using Luohu.Hub.Runtime.Security;
using Luohu.Hub.Runtime.Storage;
using Luohu.Hub.Runtime.Storage.Backup;
using Luohu.Hub.Runtime.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.LoadHarness.Backup;

/// <summary>
/// <c>backup [audit entries] [runs]</c>: a store holding that many audit entries (appended through the real audit log,
/// so the hash chain is real), then the online backup timed, and the restore with its integrity check.
/// </summary>
internal static class BackupLoad
{
    public static async Task RunAsync(int entries, int runs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "luohu-backup-load-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddHubSqliteStore(o => o.DataPath = folder);
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<IHubStoreInitializer>().InitializeAsync(CancellationToken.None);
            var audit = new SqliteAuditLog(provider.GetRequiredService<SqliteConnectionFactory>(), TimeProvider.System);
            var fill = Stopwatch.StartNew();
            for (var i = 0; i < entries; i++)
            {
                await audit.AppendAsync(new AuditEvent
                {
                    Actor = "load", ActorKind = "system", Action = "flow.save", Target = $"flow-{i % 620}",
                    After = $$"""{ "version": {{i}}, "free": {{i % 97}} }""",
                }, CancellationToken.None);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {entries:N0} audit entries appended in {fill.Elapsed.TotalSeconds:F1} s, hub.db {new FileInfo(Path.Combine(folder, "hub.db")).Length / 1048576.0:F1} MiB"));
            var backup = provider.GetRequiredService<HubBackup>();
            for (var run = 1; run <= runs; run++)
            {
                var zip = Path.Combine(Path.GetTempPath(), $"luohu-backup-load-{Guid.NewGuid():N}.zip");
                var restored = zip + ".restored";
                try
                {
                    var watch = Stopwatch.StartNew();
                    await using (var file = File.Create(zip))
                    {
                        await backup.WriteAsync(file, CancellationToken.None);
                    }

                    var backupTime = watch.Elapsed;
                    watch.Restart();
                    await HubRestore.RestoreAsync(zip, restored, null, CancellationToken.None);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"run {run}: backup {backupTime.TotalMilliseconds:F0} ms ({new FileInfo(zip).Length / 1048576.0:F1} MiB zip), restore with integrity check {watch.Elapsed.TotalMilliseconds:F0} ms"));
                }
                finally
                {
                    File.Delete(zip);
                    if (Directory.Exists(restored))
                    {
                        Directory.Delete(restored, recursive: true);
                    }
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
