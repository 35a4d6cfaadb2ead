namespace Luohu.Hub.Host.Gateway;

/// <summary>One dataset of <c>GET /api/v1/data</c>.</summary>
internal sealed record DatasetInfo(string Name, int Count, long Version, DateTimeOffset UpdatedAt, string Href);
