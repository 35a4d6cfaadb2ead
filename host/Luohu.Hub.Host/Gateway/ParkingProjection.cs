using System.Text.Json;
using Luohu.Hub.Host.Api;
using Luohu.Hub.Runtime.Datasets;

namespace Luohu.Hub.Host.Gateway;

/// <summary>Builds the parking data service's answer from the <c>parking</c> dataset; runs only when the cache is stale.</summary>
internal static class ParkingProjection
{
    public const string Dataset = "parking";

    public static byte[] Build(DatasetSnapshot snapshot, ParkingFilter filter, JsonSerializerOptions json)
    {
        var all = new List<CarParkRecord>(snapshot.Count);
        foreach (var record in snapshot.Records.Values)
        {
            if (record.Deserialize<CarParkRecord>(json) is { } carPark)
            {
                all.Add(carPark);
            }
        }

        if (filter.Area is { } area && all.Count > 0 && !all.Any(c => filter with { Status = null } is var byArea && byArea.Matches(c)))
        {
            var known = all.Select(c => $"{c.Area} ({c.AreaZh})").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            throw new ApiBadRequestException("Invalid filter", $"Unknown area '{area}' in ?area=; use one of (English or Chinese): {string.Join(", ", known)}.");
        }

        var carParks = all.Where(filter.Matches).ToList();
        var totals = new ParkingTotals(
            CarParks: carParks.Count,
            Spaces: carParks.Sum(c => c.Total),
            Free: carParks.Sum(c => c.Free),
            Available: carParks.Count(c => c.Status == "available"),
            NearlyFull: carParks.Count(c => c.Status == "nearly-full"),
            Full: carParks.Count(c => c.Status == "full"));
        var response = new ParkingDataResponse(Dataset, snapshot.Version, snapshot.UpdatedAt, totals, carParks);
        return JsonSerializer.SerializeToUtf8Bytes(response, json);
    }
}
