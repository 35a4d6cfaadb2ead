using System.Globalization;

namespace Luohu.Hub.Designer;

/// <summary>
/// The document. Every page renders on the server per request (static SSR) and its interactive parts are the bundled
/// front-end modules (dist/designer.js), which call the hub's API from the browser. There is no Blazor circuit: the
/// framework's blazor.web.js ships in a package (Microsoft.AspNetCore.App.Internal.Assets) the district's package
/// source does not carry (README, Substitutions), and a designer whose canvas state lives in the browser does not
/// need one — no per-user server state, no circuit message limits, nothing lost when a connection drops.
/// </summary>
public sealed partial class App
{
    private static string Language => CultureInfo.CurrentUICulture.Name;
}
