using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Security;
using Luohu.Hub.Runtime.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>
/// Runs webhook requests through their flows. The flow runs on its own task under the flow's stopping token (a
/// client that hangs up does not cut the flow short); the request waits for an <c>http.response</c> only when the
/// live version has one. A route whose trigger changed since the table was read answers 404, like a gone route.
/// </summary>
internal sealed class WebhookRouter(
    WebhookRouteTable routes,
    FlowEngine engine,
    WebhookReplies replies,
    IDepartmentSecrets secrets,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<WebhookRouter> logger) : IWebhookRouter, IDisposable
{
    private static readonly HashSet<string> HiddenHeaders = new(["Authorization", "Cookie"], StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _running = new(options.Value.MaxConcurrentRequests, options.Value.MaxConcurrentRequests);

    public WebhookRoute? Find(string department, string path) => routes.Find(department, path);

    public async Task<WebhookResponse> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = routes.Find(request.Department, request.Path);
        var snapshot = route is null ? null : engine.Find(route.FlowId)?.Current;
        if (route is null || snapshot is null || !snapshot.TryGetNode(route.NodeId, out var index) || snapshot[index].TriggerSignature != route.Signature)
        {
            return WebhookResponse.Problem(404, "No such webhook",
                $"No deployed flow serves /hooks/{request.Department}/{request.Path.Trim('/')}. A webhook exists only while its flow is deployed.");
        }

        if (Refuse(route, request) is { } refusal)
        {
            WebhookLog.Refused(logger, route.Key, refusal.Status, refusal.ProblemTitle ?? string.Empty);
            return refusal;
        }

        if (!TryParseBody(request, out var body, out var bodyError))
        {
            return WebhookResponse.Problem(400, "Malformed webhook body", bodyError);
        }

        if (!_running.Wait(0, CancellationToken.None))
        {
            return WebhookResponse.Problem(503, "Webhooks busy",
                $"{options.Value.MaxConcurrentRequests} webhook messages are already running (Hub:Webhooks:MaxConcurrentRequests); retry shortly.",
                new Dictionary<string, string> { ["Retry-After"] = "1" });
        }

        var messageId = FlowMessage.NewId();
        var headers = MessageHeaders(request);
        var message = FlowMessage.Create(messageId, $"hooks/{route.Department}/{route.Path}", Payload(request, route, body), headers);
        var waits = snapshot.Nodes.Any(n => !n.Node.Disabled && n.Runtime is HttpResponseRuntime);
        var reply = waits ? replies.Register(messageId) : null;
        _ = Task.Run(async () =>
        {
            try
            {
                await snapshot.ArriveAsync(index, message, headers, snapshot.Stopping);
            }
            catch (OperationCanceledException)
            {
                // The flow was undeployed while the message ran.
            }
            finally
            {
                _running.Release();
            }
        }, CancellationToken.None);

        if (reply is null)
        {
            return WebhookResponse.Accepted(messageId);
        }

        try
        {
            return await reply.WaitAsync(TimeSpan.FromMilliseconds(route.Settings.ResponseTimeoutMs), time, cancellationToken);
        }
        catch (TimeoutException)
        {
            return WebhookResponse.Accepted(messageId);
        }
        finally
        {
            replies.Forget(messageId);
        }
    }

    public void Dispose() => _running.Dispose();

    private WebhookResponse? Refuse(WebhookRoute route, WebhookRequest request)
    {
        if (!route.Settings.Methods.Contains(request.Method.ToUpperInvariant(), StringComparer.Ordinal))
        {
            var allow = string.Join(", ", route.Settings.Methods);
            return WebhookResponse.Problem(405, "Method not allowed",
                $"/hooks/{route.Key} accepts {allow}, not {request.Method}.", new Dictionary<string, string> { ["Allow"] = allow });
        }

        if (request.Body.Length > options.Value.MaxBodyBytes)
        {
            return WebhookResponse.Problem(413, "Webhook body too large",
                $"The body has {request.Body.Length} bytes; webhooks accept at most {options.Value.MaxBodyBytes} (Hub:Webhooks:MaxBodyBytes).");
        }

        return WebhookAuth.Check(route, request, route.Settings.SecretRef is { } name ? secrets.Reveal(route.Department, name) : null);
    }

    private static bool TryParseBody(WebhookRequest request, out JsonNode? body, out string error)
    {
        body = null;
        error = string.Empty;
        if (request.Body.IsEmpty)
        {
            return true;
        }

        var isJson = request.ContentType is { } type
            && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));
        try
        {
            body = JsonNode.Parse(request.Body.Span);
            return true;
        }
        catch (JsonException ex) when (isJson)
        {
            error = $"The body is declared as {request.ContentType} but is not valid JSON: {ex.Message} Send valid JSON or another content type.";
            return false;
        }
        catch (JsonException)
        {
            // Not declared JSON and not JSON: the flow gets the text rather than an error.
            body = JsonValue.Create(Encoding.UTF8.GetString(request.Body.Span));
            return true;
        }
    }

    /// <summary>
    /// A sender's <c>Idempotency-Key</c> travels as the message's <c>idempotency-key</c> header: a retried request with
    /// the same key is the same message to the outbox, which answers it from the record instead of calling again.
    /// </summary>
    private static Dictionary<string, string> MessageHeaders(WebhookRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["source"] = "webhook" };
        var key = request.Headers.FirstOrDefault(h => string.Equals(h.Key, "Idempotency-Key", StringComparison.OrdinalIgnoreCase)).Value;
        if (!string.IsNullOrWhiteSpace(key))
        {
            headers["idempotency-key"] = $"hooks/{request.Department}/{request.Path.Trim('/')}/{key.Trim()}";
        }

        // The caller's W3C trace context: the message's span continues its trace, and what the flow publishes carries it on.
        foreach (var name in (ReadOnlySpan<string>)[TraceContext.TraceParent, TraceContext.TraceState])
        {
            var value = request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (!string.IsNullOrEmpty(value))
            {
                headers[name] = value;
            }
        }

        return headers;
    }

    private static JsonObject Payload(WebhookRequest request, WebhookRoute route, JsonNode? body)
    {
        var query = new JsonObject();
        foreach (var (name, value) in request.Query)
        {
            query[name] = value;
        }

        var headers = new JsonObject();
        // The shared secret must not travel on with the message (debug nodes, dead letters would show it).
        var secretHeader = route.Settings.Auth == WebhookSettings.SecretAuth ? route.Settings.SecretHeader : null;
        foreach (var (name, value) in request.Headers.Where(h => !HiddenHeaders.Contains(h.Key)
            && !string.Equals(h.Key, secretHeader, StringComparison.OrdinalIgnoreCase)))
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["body"] = body,
            ["query"] = query,
            ["headers"] = headers,
            ["method"] = request.Method.ToUpperInvariant(),
            ["path"] = route.Path,
            ["remoteIp"] = request.RemoteIp,
        };
    }
}
