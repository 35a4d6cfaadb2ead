using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Luohu.Hub.Designer.Layout;

/// <summary>
/// Chinese / English. A plain GET form to <c>/culture</c> sets the language cookie and reloads the page, which
/// also restarts the circuit in the new culture (a circuit keeps the culture it started with).
/// </summary>
public sealed partial class LanguageSwitch : IDisposable
{
    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private string ReturnUrl => "/" + Navigation.ToBaseRelativePath(Navigation.Uri);

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private static string Css(string culture) =>
        CultureInfo.CurrentUICulture.Name.Equals(culture, StringComparison.OrdinalIgnoreCase) ? "lang-option active" : "lang-option";

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);
}
