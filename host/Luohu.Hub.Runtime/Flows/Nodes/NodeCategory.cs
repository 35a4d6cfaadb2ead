namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>The designer's palette sections.</summary>
internal static class NodeCategory
{
    public const string Trigger = "trigger";
    public const string Logic = "logic";
    public const string Plugin = "plugin";
    public const string Output = "output";
}
