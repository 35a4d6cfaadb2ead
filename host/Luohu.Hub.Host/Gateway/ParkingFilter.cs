namespace Luohu.Hub.Host.Gateway;

/// <summary>The query of <c>GET /api/v1/data/parking</c>: <c>?area=</c> (English or Chinese) and <c>?status=</c>.</summary>
internal sealed record ParkingFilter(string? Area, string? Status)
{
    public static readonly IReadOnlyList<string> Statuses = ["available", "nearly-full", "full"];

    /// <summary>The cache key of this filter; English area names are case-insensitive.</summary>
    public string Key => $"area={Area?.ToLowerInvariant()}&status={Status}";

    /// <summary>The filter, or why the query is wrong.</summary>
    public static ParkingFilter Parse(string? area, string? status)
    {
        area = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
        status = string.IsNullOrWhiteSpace(status) ? null : status.Trim().ToLowerInvariant();
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            throw new Api.ApiBadRequestException("Invalid filter",
                $"Unknown status '{status}' in ?status=; use one of: {string.Join(", ", Statuses)}.");
        }

        return new ParkingFilter(area, status);
    }

    public bool Matches(CarParkRecord carPark) =>
        (Area is null || string.Equals(carPark.Area, Area, StringComparison.OrdinalIgnoreCase) || string.Equals(carPark.AreaZh, Area, StringComparison.Ordinal))
        && (Status is null || string.Equals(carPark.Status, Status, StringComparison.Ordinal));
}
