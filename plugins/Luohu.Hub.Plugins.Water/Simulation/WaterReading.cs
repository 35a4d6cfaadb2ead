namespace Luohu.Hub.Plugins.Water.Simulation;

/// <summary>
/// The payload of <c>sensors/water/{stationId}/{flow|level|turbidity}</c>, as a station's data logger sends it.
/// </summary>
/// <param name="DeviceId">The station, e.g. <c>WL-07</c>.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="StationKind"><c>outfall</c>, <c>storm-drain</c>, <c>waterlogging</c> or <c>quality</c>.</param>
/// <param name="Kind">What is measured: <c>water.flow</c>, <c>water.level</c>, <c>water.turbidity</c>.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit"><c>m3/s</c>, <c>cm</c> or <c>NTU</c>.</param>
/// <param name="WarningLine">The value above which the water bureau is warned (design capacity of a drain, 15 cm of
/// standing water); null for quality stations.</param>
/// <param name="Area">Subdistrict.</param>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
/// <param name="RainMmPerHour">The rain gauge at the station, mm/h.</param>
/// <param name="Timestamp">When it was measured, district time.</param>
/// <param name="Buffered">True when the station was offline and sends this reading late, from its logger's buffer.</param>
internal sealed record WaterReading(
    string DeviceId,
    string Name,
    string NameEn,
    string StationKind,
    string Kind,
    double Value,
    string Unit,
    double? WarningLine,
    string Area,
    double Latitude,
    double Longitude,
    double RainMmPerHour,
    DateTimeOffset Timestamp,
    bool Buffered = false);
