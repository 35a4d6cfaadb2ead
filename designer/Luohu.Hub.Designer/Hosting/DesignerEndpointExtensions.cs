using Luohu.Hub.Designer.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Designer.Hosting;

/// <summary>Serves the designer at <c>/</c>: its pages, static assets, the language switch and sign-out.</summary>
internal static class DesignerEndpointExtensions
{
    /// <summary>Call after authentication and authorization are in the pipeline: the anti-forgery middleware must follow them.</summary>
    public static WebApplication MapLuohuDesigner(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Only the designer speaks the user's language: the API, webhooks and health answer (and run flows) in the
        // invariant culture whatever the language cookie says.
        app.UseWhen(context => !IsMachineEndpoint(context.Request.Path),
            branch => branch.UseRequestLocalization(DesignerCultures.LocalizationOptions()));
        app.UseAntiforgery();

        MapStaticAssetsIfBuilt(app);
        app.MapGet("/culture", SetCulture).ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync).ExcludeFromDescription();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>
    /// The SDK writes the static assets manifest beside the app it builds. A hub started in-process by a test
    /// assembly has none under the test's name: the API must still work there, so the designer goes without styles.
    /// </summary>
    private static void MapStaticAssetsIfBuilt(WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{app.Environment.ApplicationName}.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets(manifest);
            return;
        }

        DesignerLog.StaticAssetsMissing(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DesignerEndpointExtensions).FullName!), manifest);
    }

    private static bool IsMachineEndpoint(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hooks") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/openapi");

    /// <summary>A plain GET form switches the language: a preference, not a change of data, and it works with and without a circuit.</summary>
    private static RedirectHttpResult SetCulture(HttpContext context, string? culture, string? returnUrl)
    {
        context.Response.Cookies.Append(DesignerCultures.CookieName, DesignerCultures.CookieValue(DesignerCultures.Normalize(culture)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        return TypedResults.LocalRedirect(ReturnUrls.Local(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, IDesignerAccounts accounts, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(DesignerEndpointExtensions).FullName!);
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException ex)
        {
            DesignerLog.SignOutRejected(logger, ex);
            return TypedResults.Problem("The sign-out form was missing its anti-forgery token. Reload the page and sign out again.",
                statusCode: StatusCodes.Status400BadRequest, title: "Sign-out refused");
        }

        var user = accounts.Describe(context.User);
        await accounts.SignOutAsync(context);
        DesignerLog.SignedOut(logger, user.Name);
        return TypedResults.LocalRedirect("/signin");
    }
}
