namespace Luohu.Hub.Host.Gateway;

/// <summary>The answer of <c>GET /api/v1/data/parking</c>.</summary>
/// <param name="Dataset">Always <c>parking</c>.</param>
/// <param name="Version">The dataset version this answer was built from.</param>
/// <param name="UpdatedAt">When the dataset last changed before this answer was built.</param>
/// <param name="Totals">Sums over <paramref name="CarParks"/>.</param>
/// <param name="CarParks">The car parks that match the filters, ordered by id.</param>
internal sealed record ParkingDataResponse(
    string Dataset,
    long Version,
    DateTimeOffset UpdatedAt,
    ParkingTotals Totals,
    IReadOnlyList<CarParkRecord> CarParks);
