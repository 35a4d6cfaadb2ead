namespace Luohu.Hub.Designer.Resources;

/// <summary>
/// Names the strings of the flow editor's versions and debug panels and of the page hosting them
/// (<c>FlowPanelsStrings.resx</c>, English; <c>FlowPanelsStrings.zh-Hans.resx</c>). Keys starting <c>Debug</c> also
/// go to the debug panel's front-end module.
/// </summary>
public sealed class FlowPanelsStrings;
