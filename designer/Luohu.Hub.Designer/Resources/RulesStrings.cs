namespace Luohu.Hub.Designer.Resources;

/// <summary>Names the rule editor's string resources (<c>RulesStrings.resx</c>, English; <c>RulesStrings.zh-Hans.resx</c>).</summary>
public sealed class RulesStrings;
