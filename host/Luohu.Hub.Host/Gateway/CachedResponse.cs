namespace Luohu.Hub.Host.Gateway;

/// <summary>A serialized answer of a data service for one (dataset version, filter).</summary>
internal sealed record CachedResponse(long Version, DateTimeOffset BuiltAt, byte[] Body, string ETag);
