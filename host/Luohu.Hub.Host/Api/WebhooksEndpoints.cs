using Luohu.Hub.Runtime.Webhooks;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>/hooks/{department}/{**path}</c>, every method, outside <c>/api/v1</c>: a webhook is authenticated by its
/// route's secret or signature, not by API keys. The runtime router does the rest; this reads and writes HTTP.
/// </summary>
internal static class WebhooksEndpoints
{
    public static IEndpointConventionBuilder MapWebhooks(this IEndpointRouteBuilder app) =>
        app.Map("/hooks/{department}/{**path}", HandleAsync).ExcludeFromDescription();

    private static async Task HandleAsync(HttpContext context, string department, string? path, IWebhookRouter router, IOptions<WebhookOptions> options)
    {
        var limit = options.Value.MaxBodyBytes;
        var body = await ReadBodyAsync(context.Request, limit + 1, context.RequestAborted);
        var request = new WebhookRequest(
            department,
            path ?? string.Empty,
            context.Request.Method,
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            context.Request.ContentType,
            context.Connection.RemoteIpAddress?.ToString());
        var response = await router.HandleAsync(request, context.RequestAborted);
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ProblemTitle is not null)
        {
            await TypedResults.Problem(response.Detail, statusCode: response.Status, title: response.ProblemTitle).ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = response.Status;
        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    /// <summary>Reads at most <paramref name="max"/> bytes: one past the limit is enough for the router to answer 413.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < max && (read = await request.Body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
