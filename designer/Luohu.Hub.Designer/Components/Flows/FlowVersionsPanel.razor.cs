using Microsoft.AspNetCore.Components;

namespace Luohu.Hub.Designer.Components.Flows;

/// <summary>The versions of a flow with author and time, a diff of two, and rollback. Hosted by the flow editor.</summary>
public sealed partial class FlowVersionsPanel
{
    [Parameter, EditorRequired]
    public string FlowId { get; set; } = string.Empty;

    /// <summary>Whether the user may roll back (editor of the flow's department or admin).</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>Raised with the version deployed again after a successful rollback; the editor reloads its draft.</summary>
    [Parameter]
    public EventCallback<int> OnRolledBack { get; set; }

    /// <summary>Reloads the list (the editor calls it after a deploy).</summary>
    public Task RefreshAsync() => InvokeAsync(StateHasChanged);
}
