namespace Luohu.Hub.Designer.Pages;

/// <summary>The flow editor's bottom panel tabs.</summary>
internal enum PanelTab
{
    Versions,
    Debug,
}
