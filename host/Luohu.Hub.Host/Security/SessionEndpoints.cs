using System.Globalization;
using System.Text.Json;
using Luohu.Hub.Host.Api;
using Microsoft.AspNetCore.Authentication;

namespace Luohu.Hub.Host.Security;

/// <summary><c>/api/v1/session</c>: sign in with a password (cookie), who am I, sign out.</summary>
internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("Security");
        session.MapPost("/", SignInAsync).AllowAnonymous()
            .WithSummary("Signs in with { user, password } and sets the session cookie (HttpOnly, SameSite=Strict).");
        session.MapGet("/", (HttpContext context) => TypedResults.Ok(WhoAmI.Of(Caller.From(context), context)))
            .WithSummary("Who the caller is: name, kind, departments, roles.");
        session.MapDelete("/", async (HttpContext context) =>
        {
            await context.SignOutAsync(HubAuthSchemes.Cookie);
            return TypedResults.NoContent();
        }).WithSummary("Signs out (clears the cookie).");
        return api;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, SignInService service, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(context, cancellationToken);
        var user = Text(body, "user") ?? Text(body, "name");
        var password = Text(body, "password");
        if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
        {
            throw new ApiBadRequestException("Missing credentials", "Send { \"user\": \"...\", \"password\": \"...\" }.");
        }

        var result = await service.SignInAsync(user, password, context.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (result.Refusal is { } refusal)
        {
            throw new ApiBadRequestException("Sign-in refused", refusal);
        }

        if (result.LockedUntil is { } until)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem($"Too many sign-in attempts from this address: try again after {until:O}.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many attempts");
        }

        if (result.User is not { } signedIn)
        {
            return TypedResults.Problem("The user name or password is wrong.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        var principal = HubPrincipals.ForUser(signedIn, HubAuthSchemes.Cookie);
        await context.SignInAsync(HubAuthSchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = false });
        return TypedResults.Ok(WhoAmI.Of(Caller.From(principal, null), context));
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
