using System.Text;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>What the host sends back: a reply (an <c>http.response</c> node's, or 202) or a problem (RFC 7807).</summary>
internal sealed record WebhookResponse(int Status, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body, string? ContentType)
{
    /// <summary>Set for errors: the host writes a problem detail with this title and <see cref="Detail"/>.</summary>
    public string? ProblemTitle { get; init; }

    public string? Detail { get; init; }

    public static WebhookResponse Problem(int status, string title, string detail, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, headers ?? new Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty, null) { ProblemTitle = title, Detail = detail };

    public static WebhookResponse Accepted(string messageId) => Json(202, new JsonObject { ["messageId"] = messageId });

    public static WebhookResponse Json(int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, headers ?? new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), "application/json");
}
