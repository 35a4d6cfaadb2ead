using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>An <c>http.response</c> node's config: status, headers, and a body (text template, JSON tree, or the payload).</summary>
internal sealed record HttpResponseSettings(int Status, IReadOnlyDictionary<string, MessageTemplate> Headers, MessageTemplate? TextBody, JsonNode? JsonBody, string? ContentType);
