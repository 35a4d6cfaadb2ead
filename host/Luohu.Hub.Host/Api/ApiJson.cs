using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Api;

/// <summary>Reads JSON request bodies with errors that say where the JSON is broken.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions WebOptions { get; } = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var body = await ReadBytesAsync(context, cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new ApiBadRequestException("Malformed JSON", $"The body is not valid JSON at line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}: {FirstSentence(error.Message)}");
        }
    }

    /// <summary>The raw body, within <see cref="ApiOptions.MaxJsonBodyBytes"/> (413 above) and not empty (400).</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadBytesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxJsonBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw new ApiBadRequestException("Request body too large", $"The JSON body is {context.Request.ContentLength} bytes; the limit is {limit} bytes (Hub:Api:MaxJsonBodyBytes).", StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await CopyBoundedAsync(context.Request.Body, buffer, limit, "JSON body", cancellationToken);
        if (buffer.Length == 0)
        {
            throw new ApiBadRequestException("Missing JSON body", "The request needs a JSON body (Content-Type: application/json).");
        }

        return buffer.ToArray();
    }

    public static async Task CopyBoundedAsync(Stream source, Stream destination, long limit, string what, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new ApiBadRequestException("Request body too large", $"The {what} is larger than the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }

    public static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
