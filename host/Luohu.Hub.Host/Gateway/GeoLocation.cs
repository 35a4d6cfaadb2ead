namespace Luohu.Hub.Host.Gateway;

/// <summary>A point in WGS-84 degrees.</summary>
internal sealed record GeoLocation(double Latitude, double Longitude);
