namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>One immutable numbered version of a flow.</summary>
internal sealed record FlowVersionRecord(string FlowId, int Version, string Json, string Author, DateTimeOffset CreatedAt, string? Comment);
