namespace Luohu.Hub.Runtime.Flows;

/// <summary>One immutable deployed version of a flow.</summary>
internal sealed record FlowVersionInfo(int Version, string Author, DateTimeOffset CreatedAt, string? Comment, bool IsDeployed);
