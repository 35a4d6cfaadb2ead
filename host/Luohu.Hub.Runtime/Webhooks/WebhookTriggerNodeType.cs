using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Nodes;
using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Runtime.Webhooks;

/// <summary>
/// <c>trigger.http</c>: the flow serves <c>/hooks/{department}/{path}</c> (the flow's department) for the given
/// methods while it is deployed. The request becomes a message on topic <c>hooks/{department}/{path}</c> with
/// payload <c>{ body, query, headers, method, path, remoteIp }</c> (body parsed as JSON, or text; headers without
/// Authorization and Cookie). Auth is required, there is no default: <c>hmac</c> (<c>X-Hub-Signature-256:
/// sha256=&lt;hex&gt;</c> of the raw body keyed with the secret), <c>secret</c> (header <c>secretHeader</c> equals the
/// secret) or, chosen explicitly and visible in the flow's audited history, <c>public</c>. The secret is a department
/// secret named by <c>secretRef</c>; one written inline as <c>secret</c> is moved there when the flow is saved, so no
/// flow JSON, export or version ever holds it.
/// An <c>http.response</c> node answers within <c>responseTimeoutMs</c>; else the hub answers 202 with the message id.
/// </summary>
internal sealed partial class WebhookTriggerNodeType(WebhookRouteTable routes, IDepartmentSecrets secrets) : FlowNodeType<WebhookSettings>
{
    public static readonly string[] AllowedMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public override string Type => "trigger.http";
    public override string Category => NodeCategory.Trigger;
    public override string Title => "HTTP webhook";
    public override string Description => "Starts the flow for every request to /hooks/{department}/{path}; an http.response node can answer.";
    public override bool IsTrigger => true;

    /// <summary>The inline secret, which a save moves into the department's secrets and replaces with <c>secretRef</c>.</summary>
    public override IReadOnlyList<string> SecretFields { get; } = ["secret"];

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["path", "auth"],
        ("path", SchemaBuilder.Text("Path", "Route under /hooks/{department}/, e.g. fire/dispatch.")),
        ("methods", SchemaBuilder.List("Methods", "HTTP methods served, one per line: GET, POST, PUT, PATCH, DELETE. Default POST.", SchemaBuilder.Text("Method", "An HTTP method."))),
        ("auth", SchemaBuilder.Text("Authentication", "hmac: X-Hub-Signature-256 = sha256=<hex HMAC-SHA256 of the body>; secret: a shared secret in a header; public: anyone may call it (an explicit choice).", null, WebhookSettings.AuthModes)),
        ("secretRef", SchemaBuilder.Text("Secret name", "The department secret holding the HMAC key or shared secret (PUT /api/v1/secrets/{department}/{name}). Required for hmac and secret.")),
        ("secret", SchemaBuilder.Text("New secret", "Write a secret here to store it: saving moves it into the department's secrets (named {flow}.{node}) and sets the secret name. It is never shown again.")),
        ("secretHeader", SchemaBuilder.Text("Secret header", "Header carrying the shared secret. Default X-Hook-Secret.")),
        ("responseTimeoutMs", SchemaBuilder.Integer("Response timeout (ms)", "How long the request waits for an http.response node before the hub answers 202. Default 10000.", 10_000, 1, 120_000)));

    public static bool TryNormalizePath(string? path, out string normalized)
    {
        normalized = path?.Trim('/') ?? string.Empty;
        return normalized.Length is > 0 and <= 200 && PathPattern().IsMatch(normalized)
            && !normalized.Split('/').Any(segment => segment is "." or "..");
    }

    protected override WebhookSettings Read(NodeConfig config)
    {
        var rawPath = config.String("path", required: true);
        var path = string.Empty;
        if (rawPath is not null && !TryNormalizePath(rawPath, out path))
        {
            config.Problem("path", $"Path '{rawPath}' must be segments of letters, digits, '.', '_', '~' or '-' separated by '/', e.g. 'fire/dispatch' (no '.' or '..' segments, at most 200 characters).");
        }

        var methods = config.Strings("methods").Select(m => m.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var method in methods.Where(m => !AllowedMethods.Contains(m, StringComparer.Ordinal)))
        {
            config.Problem("methods", $"Method '{method}' is not served; use {string.Join(", ", AllowedMethods)}.");
        }

        var auth = config.String("auth");
        if (auth is null)
        {
            config.Problem("auth", $"A webhook must say who may call it: 'hmac' (a signed body) or 'secret' (a shared header), each with a department secret in 'secretRef', or '{WebhookSettings.PublicAuth}' to take anonymous requests.");
        }
        else if (!WebhookSettings.AuthModes.Contains(auth, StringComparer.Ordinal))
        {
            config.Problem("auth", $"'auth' is '{auth}'; use one of: {string.Join(", ", WebhookSettings.AuthModes)}.");
        }

        var secretRef = config.String("secretRef");
        if (secretRef is not null && !DepartmentSecrets.IsValidName(secretRef))
        {
            config.Problem("secretRef", $"'secretRef' '{secretRef}' is not a secret name: letters, digits, '.', '_' or '-', at most 100.");
        }

        // An inline secret stands in for the reference until the save moves it (validation before a save sees it).
        var inline = !string.IsNullOrEmpty(config.String("secret"));
        if (auth is WebhookSettings.HmacAuth or WebhookSettings.SecretAuth && secretRef is null && !inline)
        {
            config.Problem("secretRef", $"Auth '{auth}' needs 'secretRef', the name of a department secret (PUT /api/v1/secrets/{{department}}/{{name}}).");
        }

        if (auth == WebhookSettings.PublicAuth && (secretRef is not null || inline))
        {
            config.Problem("secretRef", $"A '{WebhookSettings.PublicAuth}' webhook checks no secret; remove 'secretRef' or choose 'hmac' or 'secret'.");
        }

        return new WebhookSettings(
            path,
            methods.Count > 0 ? methods : ["POST"],
            auth ?? WebhookSettings.PublicAuth,
            secretRef,
            config.String("secretHeader") ?? WebhookSettings.DefaultSecretHeader,
            config.Int("responseTimeoutMs", 10_000, 1, 120_000));
    }

    protected override void Check(WebhookSettings settings, NodeValidationContext context)
    {
        if (settings.Path.Length == 0 || context.Node.Disabled)
        {
            return;
        }

        var route = $"/hooks/{context.Flow.Department}/{settings.Path}";
        if (settings.SecretRef is { } name && DepartmentSecrets.IsValidName(name) && !secrets.Exists(context.Flow.Department, name))
        {
            context.Config.Problem("secretRef", $"Department '{context.Flow.Department}' has no secret '{name}'. Set it with PUT /api/v1/secrets/{context.Flow.Department}/{name} {{ \"value\": \"...\" }}.");
        }

        if (routes.Find(context.Flow.Department, settings.Path) is { } owner && owner.FlowId != context.Flow.Id)
        {
            context.Config.Problem("path", $"{route} is already served by the deployed flow '{owner.FlowId}'. Choose another path or undeploy that flow first.");
        }

        var twin = (context.Flow.Nodes ?? []).FirstOrDefault(n => n is not null && n.Id != context.Node.Id && !n.Disabled
            && n.Type == Type && n.Config is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("path", out var p)
            && p.ValueKind == JsonValueKind.String && TryNormalizePath(p.GetString(), out var other) && other == settings.Path);
        if (twin is not null)
        {
            context.Config.Problem("path", $"{route} is also claimed by node '{twin.Id}' of this flow; each webhook path may have one trigger.");
        }
    }

    protected override FlowNodeRuntime Create(WebhookSettings settings, NodeBuildContext context) => new WebhookTriggerRuntime(context, settings);

    [GeneratedRegex("^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$")]
    private static partial Regex PathPattern();
}
