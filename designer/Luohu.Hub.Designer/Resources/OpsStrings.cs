namespace Luohu.Hub.Designer.Resources;

/// <summary>Names the ops pages' string resources (Plugins actions, Audit): <c>OpsStrings.resx</c> (English) and <c>OpsStrings.zh-Hans.resx</c>.</summary>
public sealed class OpsStrings;
