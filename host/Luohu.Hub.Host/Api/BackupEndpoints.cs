using System.Text.Json;
using Luohu.Hub.Host.Security;
using Luohu.Hub.Runtime.Security;
using Luohu.Hub.Runtime.Storage.Backup;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>POST /api/v1/backup</c> (admins): an online backup of the whole hub as a zip, taken while it serves (see
/// <see cref="HubBackup"/>), audited. Restore it with <c>Luohu.Hub.Host restore {zip} --Hub:DataPath={empty folder}</c>.
/// </summary>
internal static class BackupEndpoints
{
    public static RouteGroupBuilder MapBackupApi(this RouteGroupBuilder api)
    {
        api.MapPost("/backup", CreateAsync).WithTags("Operations")
            .WithSummary("An online backup (database, plugin packages, key ring, data folder) as application/zip; restore with the host's restore command.");
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, HubBackup backup, IAuditLog audit, TimeProvider time, CancellationToken ct)
    {
        // ZipArchive writes synchronously: into a file first (deleted when the answer is sent), never into the response.
        var path = Path.Combine(Path.GetTempPath(), $"luohu-backup-{Guid.NewGuid():N}.zip");
        BackupManifest manifest;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            manifest = await backup.WriteAsync(file, ct);
        }

        await audit.AppendAsync(Caller.From(context).Audit("backup.create", null) with { Detail = JsonSerializer.Serialize(manifest, BackupManifest.Json) }, ct);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.File(stream, "application/zip", $"luohu-hub-{time.GetUtcNow():yyyyMMdd-HHmmss}.zip");
    }
}
