namespace Luohu.Hub.Runtime.Flows;

/// <summary>A node present in both versions whose settings differ.</summary>
internal sealed record FlowNodeChange(string NodeId, IReadOnlyList<string> Changes);
