namespace Luohu.Hub.Host.Security;

/// <summary>
/// Headers on every answer: no sniffing of content types, no framing (clickjacking), the referrer kept to the hub
/// itself, and a content security policy the designer runs under — its script and styles come from the hub only
/// (the bundle is built from npm, nothing from a CDN); inline styles are allowed because the canvas and the editors
/// (X6, CodeMirror) set them; the circuit and live views connect back to the hub only.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });
}
