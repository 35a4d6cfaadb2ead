namespace Luohu.Hub.Plugins.Parking.Model;

/// <summary>One car park as the vendor's back office knows it; never changes while the plugin runs.</summary>
/// <param name="Id">LH-0001 … LH-0620.</param>
/// <param name="Index">Position in the catalogue, 0-based.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Area">The subdistrict, in English (Dongmen, Guomao, …).</param>
/// <param name="Kind">One of <see cref="CarParkKinds"/>.</param>
/// <param name="Capacity">Spaces in total.</param>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
/// <param name="Popularity">How much fuller than its kind's average it runs (0.8–1.15); above 1 it fills at peak.</param>
/// <param name="Wobble">Phase of its own slow fluctuation, in radians, so lots of one kind do not move in lockstep.</param>
internal sealed record CarPark(
    string Id,
    int Index,
    string Name,
    string NameEn,
    string Area,
    string Kind,
    int Capacity,
    double Latitude,
    double Longitude,
    double Popularity,
    double Wobble);
