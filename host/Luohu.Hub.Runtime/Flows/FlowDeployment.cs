namespace Luohu.Hub.Runtime.Flows;

/// <summary>The outcome of a deploy or rollback: the version now handling new messages.</summary>
internal sealed record FlowDeployment(string FlowId, int Version, string Author, DateTimeOffset DeployedAt);
