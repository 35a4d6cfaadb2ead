using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;

namespace Luohu.Hub.Designer;

/// <summary>
/// The document. Pages run interactively on the server, except those marked <c>[ExcludeFromInteractiveRouting]</c>
/// (sign-in): they render statically so their form can set the session cookie on the HTTP response.
/// </summary>
public sealed partial class App
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    private IComponentRenderMode? PageRenderMode => HttpContext.AcceptsInteractiveRouting() ? RenderMode.InteractiveServer : null;

    private static string Language => CultureInfo.CurrentUICulture.Name;
}
