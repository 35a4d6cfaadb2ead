using System.Text.Encodings.Web;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Security;

/// <summary>Authenticates machines by the <c>X-Api-Key</c> header; 401 and 403 are problem details.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyValidator validator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const string FailureItem = "luohu:key-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HubAuthSchemes.ApiKeyHeader, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var (key, failure) = await validator.ValidateAsync(values[0] ?? string.Empty, Context.RequestAborted);
        if (key is null)
        {
            Context.Items[FailureItem] = failure;
            var prefix = ApiKeyTokens.TryParse(values[0], out var parsed, out _) ? parsed : "(none)";
            SecurityLog.KeyRejected(Logger, prefix, failure ?? "unknown");
            return AuthenticateResult.Fail(failure ?? "Invalid API key.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(HubPrincipals.ForKey(key, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Not signed in",
            Context.Items[FailureItem] as string ?? "Send an API key in the X-Api-Key header, or sign in with POST /api/v1/session.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "This API key may not do this.");
}
