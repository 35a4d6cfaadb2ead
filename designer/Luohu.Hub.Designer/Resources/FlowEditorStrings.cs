namespace Luohu.Hub.Designer.Resources;

/// <summary>Names the flow editor's string resources (<c>FlowEditorStrings.resx</c>, English; <c>FlowEditorStrings.zh-Hans.resx</c>).</summary>
public sealed class FlowEditorStrings;
