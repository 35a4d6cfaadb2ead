namespace Luohu.Hub.Sdk.Families;

/// <summary>A WGS-84 position.</summary>
/// <param name="Latitude">Degrees north, -90 to 90.</param>
/// <param name="Longitude">Degrees east, -180 to 180.</param>
public sealed record GeoPoint(double Latitude, double Longitude);
