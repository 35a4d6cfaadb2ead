using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Nodes;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>
/// <c>http.response</c>: answers the webhook request the message started (found by the message's origin), then
/// passes the message on. <c>status</c> (default 200), <c>headers</c> (name → text template), <c>body</c>: a text
/// template (sent as text/plain), a JSON value with templates in its strings (sent as JSON), or, when absent, the
/// message payload as JSON. The first answer wins; a message from no webhook, or after the request timed out
/// (the hub answered 202), is passed on without an answer.
/// </summary>
internal sealed class HttpResponseNodeType(WebhookReplies replies, ILoggerFactory loggers) : FlowNodeType<HttpResponseSettings>
{
    public override string Type => "http.response";
    public override string Category => NodeCategory.Output;
    public override string Title => "HTTP response";
    public override string Description => "Answers the webhook request that started the message (status, headers, body).";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        [],
        ("status", SchemaBuilder.Integer("Status", "HTTP status code. Default 200.", 200, 100, 599)),
        ("headers", SchemaBuilder.Text("Headers", "Object of header name → text template, e.g. { \"X-Ticket\": \"{{payload.ticket}}\" }.")),
        ("body", SchemaBuilder.Text("Body", "Text template (text/plain) or JSON with templates in strings; absent: the message payload as JSON.")),
        ("contentType", SchemaBuilder.Text("Content type", "Overrides the content type.")));

    protected override HttpResponseSettings Read(NodeConfig config)
    {
        var headers = new Dictionary<string, MessageTemplate>(StringComparer.OrdinalIgnoreCase);
        if (config.Json("headers", kind: JsonValueKind.Object) is JsonObject given)
        {
            foreach (var (name, value) in given)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var text) && MessageTemplate.TryParse(text, out var template, out _))
                {
                    headers[name] = template;
                }
                else
                {
                    config.Problem($"headers.{name}", $"Header '{name}' must be a text template.");
                }
            }
        }

        MessageTemplate? textBody = null;
        JsonNode? jsonBody = null;
        if (config.Json("body") is { } body)
        {
            if (body is JsonValue value && value.TryGetValue<string>(out var text))
            {
                textBody = config.Template("body");
            }
            else
            {
                jsonBody = body;
                foreach (var (path, error) in MessageTemplate.CheckTree(body, "body"))
                {
                    config.Problem(path, error);
                }
            }
        }

        return new HttpResponseSettings(config.Int("status", 200, 100, 599), headers, textBody, jsonBody, config.String("contentType"));
    }

    protected override FlowNodeRuntime Create(HttpResponseSettings settings, NodeBuildContext context) =>
        new HttpResponseRuntime(context, settings, replies, loggers.CreateLogger<HttpResponseRuntime>());
}
