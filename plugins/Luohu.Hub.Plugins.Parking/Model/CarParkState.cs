namespace Luohu.Hub.Plugins.Parking.Model;

/// <summary>A car park's state as the simulation last computed it.</summary>
/// <param name="Lot">The car park id, e.g. <c>LH-0042</c>.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Area">Subdistrict (Dongmen, Guomao, …).</param>
/// <param name="Kind">shopping, office, residential, hospital, transit or street.</param>
/// <param name="Total">Spaces in total.</param>
/// <param name="Free">Free spaces.</param>
/// <param name="Occupied">Occupied spaces.</param>
/// <param name="Status"><c>full</c>, <c>nearly-full</c> (under 10% or under 10 spaces free) or <c>available</c>.</param>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
/// <param name="Timestamp">When the simulation last measured it (district time, UTC+8).</param>
/// <param name="UpdatedAt">When its free count last changed (district time, UTC+8).</param>
internal sealed record CarParkState(
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
    DateTimeOffset Timestamp,
    DateTimeOffset UpdatedAt);
