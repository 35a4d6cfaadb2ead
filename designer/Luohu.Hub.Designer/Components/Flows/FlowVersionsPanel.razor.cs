using System.Text.Json;
using Luohu.Hub.Designer.Resources;
using Luohu.Hub.Designer.Views;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Luohu.Hub.Designer.Components.Flows;

/// <summary>The versions of a flow with author and time, a diff of two, and rollback. Hosted by the flow editor.</summary>
/// <remarks>
/// The panel itself is <c>createVersionsPanel</c> (ClientApp/src/versionsPanel.js), mounted by the browser on the element
/// this component renders. Reads and the rollback go through the hub's API from the browser with the user's session:
/// the API decides, this only hides the rollback from those it would refuse. A rollback announces itself on the
/// document (<c>lh-flow-deployed</c>), and the editor and the debug panel follow.
/// </remarks>
public sealed partial class FlowVersionsPanel
{
    [Parameter, EditorRequired]
    public string FlowId { get; set; } = string.Empty;

    /// <summary>Whether the user may roll back (editor of the flow's department or admin).</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    [Inject]
    private IStringLocalizer<FlowPanelsStrings> Strings { get; set; } = default!;

    private string StringsJson => JsonSerializer.Serialize(StringTable.Of(Strings));
}
