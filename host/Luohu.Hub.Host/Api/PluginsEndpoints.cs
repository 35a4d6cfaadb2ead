using Luohu.Hub.Runtime.Plugins;
using Microsoft.AspNetCore.Http.Features;
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
        // No Accepts metadata on purpose: routing would answer 415 to a wrong content type before authentication, telling
        // a stranger what the endpoint takes; the handler checks the type once the caller is known.
        plugins.MapPost("/", UploadAsync)
            .WithSummary("Installs or upgrades a plugin from a zip (raw application/zip or application/octet-stream body, or multipart field 'package').");
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
        var type = context.Request.ContentType?.Split(';')[0].Trim();
        if (!context.Request.HasFormContentType && !PackageTypes.Contains(type ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            throw new ApiBadRequestException("Unsupported content type",
                $"A plugin package is sent as {string.Join(", ", PackageTypes)} or multipart/form-data (field 'package'), not {type ?? "no content type"}.",
                StatusCodes.Status415UnsupportedMediaType);
        }

        // One limit, Hub:Api:MaxPluginPackageBytes, answered with 413: the server's own body limit (30,000,000 bytes in
        // Kestrel) and the form reader's are raised past it (a multipart envelope adds a little), so ours is met first.
        if (context.Request.ContentLength > limit + MultipartAllowance)
        {
            throw new ApiBadRequestException("Plugin package too large",
                $"The request is {context.Request.ContentLength} bytes; a plugin package may have {limit} bytes (Hub:Api:MaxPluginPackageBytes).", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + MultipartAllowance;
        }

        await using var package = new MemoryStream();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + MultipartAllowance }, cancellationToken);
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

    /// <summary>Room for a multipart envelope around a package of the largest size.</summary>
    private const long MultipartAllowance = 64 * 1024;

    private static readonly string[] PackageTypes = ["application/zip", "application/octet-stream", "application/x-zip-compressed"];

    private static PluginOperationException NotFound(string id) =>
        new(PluginErrorKind.NotFound, $"No plugin with id '{id}' is installed. GET /api/v1/plugins lists the installed ones.");
}
