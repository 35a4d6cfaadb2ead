namespace Luohu.Hub.Plugins.Parking.Model;

/// <summary>One of Luohu's ten subdistricts, with the roads its car parks are named after.</summary>
/// <param name="Zh">Chinese name.</param>
/// <param name="En">English name, used as the car park's <c>area</c>.</param>
/// <param name="Latitude">Rough centre, degrees north.</param>
/// <param name="Longitude">Rough centre, degrees east.</param>
/// <param name="Character">The kind of car park it has more of (shops in Dongmen, homes in Liantang).</param>
/// <param name="Roads">Chinese and English road names.</param>
internal sealed record Subdistrict(
    string Zh,
    string En,
    double Latitude,
    double Longitude,
    string Character,
    IReadOnlyList<(string Zh, string En)> Roads);
