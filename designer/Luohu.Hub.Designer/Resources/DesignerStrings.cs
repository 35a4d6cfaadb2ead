namespace Luohu.Hub.Designer.Resources;

/// <summary>Names the designer's string resources (<c>DesignerStrings.resx</c>, English; <c>DesignerStrings.zh-Hans.resx</c>).</summary>
public sealed class DesignerStrings;
