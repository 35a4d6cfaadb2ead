using Luohu.Hub.Runtime.Plugins;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Api;

/// <summary><c>/api/v1/plugins</c>: the catalogue, uploads and the operations ops use.</summary>
internal static class PluginsEndpoints
{
    public static RouteGroupBuilder MapPluginsApi(this RouteGroupBuilder api)
    {
        var plugins = api.MapGroup("/plugins").WithTags("Plugins");
        plugins.MapGet("/", (IPluginManager manager) => TypedResults.Ok(manager.List()))
            .WithSummary("Every installed plugin with its state, reason, health and connectors.");
        plugins.MapGet("/{id}", (string id, IPluginManager manager) =>
                manager.Find(id) is { } plugin ? Results.Ok(plugin) : throw NotFound(id))
            .WithSummary("One plugin.");
        plugins.MapPost("/", UploadAsync)
            .WithSummary("Installs or upgrades a plugin from a zip (raw application/zip body, or multipart field 'package').")
            .Accepts<IFormFile>("multipart/form-data", "application/zip", "application/octet-stream");
        plugins.MapPost("/{id}/enable", (string id, IPluginManager manager, CancellationToken ct) => manager.EnableAsync(id, ct));
        plugins.MapPost("/{id}/disable", (string id, IPluginManager manager, CancellationToken ct) => manager.DisableAsync(id, ct));
        plugins.MapPost("/{id}/reload", (string id, IPluginManager manager, CancellationToken ct) => manager.ReloadAsync(id, ct));
        plugins.MapDelete("/{id}", async (string id, IPluginManager manager, CancellationToken ct) =>
        {
            await manager.UninstallAsync(id, ct);
            return TypedResults.NoContent();
        });
        return api;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, IPluginManager manager, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxPluginPackageBytes;
        await using var package = new MemoryStream();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("package") ?? (form.Files.Count > 0 ? form.Files[0] : null)
                ?? throw new ApiBadRequestException("Missing plugin package", "The form has no file: send the zip in the field 'package'.");
            await using var upload = file.OpenReadStream();
            await ApiJson.CopyBoundedAsync(upload, package, limit, "plugin package", cancellationToken);
        }
        else
        {
            await ApiJson.CopyBoundedAsync(context.Request.Body, package, limit, "plugin package", cancellationToken);
        }

        if (package.Length == 0)
        {
            throw new ApiBadRequestException("Missing plugin package", "The request body is empty: send the plugin zip as application/zip or in the multipart field 'package'.");
        }

        package.Position = 0;
        var installed = await manager.InstallAsync(package, cancellationToken);
        return TypedResults.Created($"/api/v1/plugins/{installed.Id}", installed);
    }

    private static PluginOperationException NotFound(string id) =>
        new(PluginErrorKind.NotFound, $"No plugin with id '{id}' is installed. GET /api/v1/plugins lists the installed ones.");
}
