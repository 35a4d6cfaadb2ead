namespace Luohu.Hub.Host.Gateway;

/// <summary>One car park as the parking data service shows it.</summary>
/// <param name="Id">LH-0001 … LH-0620.</param>
/// <param name="Name">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Area">Subdistrict in English (Dongmen, Guomao, …).</param>
/// <param name="AreaZh">Subdistrict in Chinese (东门, 国贸, …).</param>
/// <param name="Kind">shopping, office, residential, hospital, transit or street.</param>
/// <param name="Location">Where the entrance is.</param>
/// <param name="Total">Spaces in total.</param>
/// <param name="Free">Spaces free now.</param>
/// <param name="Status">available, nearly-full or full.</param>
/// <param name="UpdatedAt">When the sensors last reported.</param>
internal sealed record CarParkRecord(
    string Id,
    string Name,
    string NameEn,
    string Area,
    string AreaZh,
    string Kind,
    GeoLocation Location,
    int Total,
    int Free,
    string Status,
    DateTimeOffset UpdatedAt);
