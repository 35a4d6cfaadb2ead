using System.Text.RegularExpressions;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Api;

/// <summary>Reads JSON request bodies with errors that say where the JSON is broken.</summary>
internal static partial class ApiJson
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
            throw new ApiBadRequestException("Malformed JSON", $"The body is not valid JSON at line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}: {Explain(error)}");
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

    /// <summary>
    /// A JSON error in JSON's words, without its path (callers place it): System.Text.Json names the .NET type it
    /// wanted ("could not be converted to System.Collections.Generic.IReadOnlyList`1[System.String]"), which tells
    /// someone writing JSON nothing, so a conversion error says which kind of JSON value was expected instead.
    /// </summary>
    public static string Explain(JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var sentence = cut > 0 ? message[..cut] : message;
        // A scalar of the wrong kind: the inner error says what was found and wanted ("token type 'Number' as a string").
        if (error.InnerException is InvalidOperationException inner && TokenAs().Match(inner.Message) is { Success: true } token)
        {
            return $"the value there is {Token(token.Groups["got"].Value)}, not {token.Groups["want"].Value}.";
        }

        var converted = ConvertedTo().Match(sentence);
        return converted.Success ? $"the value there is not {JsonKind(converted.Groups["type"].Value)}." : sentence;
    }

    private static string Token(string type) => type switch
    {
        "Number" => "a number",
        "String" => "a string",
        "True" or "False" => type.ToLowerInvariant(),
        "StartObject" => "an object",
        "StartArray" => "an array",
        "Null" => "null",
        _ => "a value of another kind",
    };

    private static string JsonKind(string type) => type switch
    {
        _ when type.Contains("Dictionary", StringComparison.Ordinal) => "an object of names to values",
        _ when type.Contains("List`", StringComparison.Ordinal) || type.Contains("IEnumerable`", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when type.Contains("System.String", StringComparison.Ordinal) => "a string",
        _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("System.DateTime", StringComparison.Ordinal) => "a date and time in ISO 8601 (e.g. \"2026-12-03T08:00:00+08:00\")",
        _ when type.Contains("System.TimeSpan", StringComparison.Ordinal) => "a duration such as \"00:05:00\"",
        _ when type.Contains("System.Guid", StringComparison.Ordinal) => "a GUID string",
        _ when NumberType().IsMatch(type) => "a number",
        _ => "of the kind this field takes (see /openapi/v1.json)",
    };

    [GeneratedRegex(@"token type '(?<got>\w+)' as (?<want>an? \w+)", RegexOptions.CultureInvariant)]
    private static partial Regex TokenAs();

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"System\.(U?Int(16|32|64|128)|S?Byte|Single|Double|Decimal)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumberType();
}
