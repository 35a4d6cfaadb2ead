using Luohu.Hub.Plugins.Parking.Model;

namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary>The payload of <c>sensors/parking/{lotId}/occupancy</c>; field meanings as in <see cref="CarParkState"/>.</summary>
internal sealed record OccupancyEvent(
    string Lot,
    string Name,
    string NameEn,
    string Area,
    string Kind,
    int Total,
    int Free,
    int Occupied,
    string Status,
    double Latitude,
    double Longitude,
    DateTimeOffset Timestamp)
{
    public static OccupancyEvent From(CarParkState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Lot, state.Name, state.NameEn, state.Area, state.Kind, state.Total, state.Free,
            state.Occupied, state.Status, state.Latitude, state.Longitude, state.Timestamp);
    }

    public static string TopicOf(string lotId) => $"sensors/parking/{lotId}/occupancy";
}
