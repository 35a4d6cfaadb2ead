using System.Text.Json;

namespace Luohu.Hub.Host.Gateway;

/// <summary>The answer of <c>GET /api/v1/data/{dataset}</c>: every record as the publishing flow wrote it, ordered by key.</summary>
internal sealed record DatasetResponse(string Dataset, long Version, DateTimeOffset UpdatedAt, int Count, IReadOnlyList<JsonElement> Records);
