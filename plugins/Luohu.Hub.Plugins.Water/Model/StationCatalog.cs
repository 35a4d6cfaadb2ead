using System.Globalization;

namespace Luohu.Hub.Plugins.Water.Model;

/// <summary>
/// The district's 302 water stations, generated from a seed so every install shows the same district: the
/// 21 waterlogging points and 11 quality stations are named after real low spots and river reaches of Luohu; the
/// 170 outfalls and 100 storm drains are spread over the subdistricts along the rivers and roads.
/// </summary>
internal static class StationCatalog
{
    public const int Outfalls = 170;
    public const int StormDrains = 100;

    // Where the district floods first: underpasses, old low streets, river banks (name, English, area, lat, lon).
    private static readonly (string Zh, string En, string Area, double Lat, double Lon)[] WaterloggingPoints =
    [
        ("人民桥下穿", "Renmin Bridge underpass", "Nanhu", 22.5418, 114.1182),
        ("红岭立交", "Hongling interchange", "Guiyuan", 22.5532, 114.1047),
        ("泥岗立交", "Nigang interchange", "Qingshuihe", 22.5741, 114.1068),
        ("布心路东晓段", "Buxin Rd at Dongxiao", "Dongxiao", 22.5848, 114.1372),
        ("笋岗桥", "Sungang Bridge", "Sungang", 22.5662, 114.1121),
        ("田贝四路", "Tianbei 4th Rd", "Cuizhu", 22.5620, 114.1222),
        ("水贝二路", "Shuibei 2nd Rd", "Cuizhu", 22.5668, 114.1263),
        ("东门老街", "Dongmen Old Street", "Dongmen", 22.5480, 114.1199),
        ("罗湖火车站东广场", "Luohu Railway Station east square", "Nanhu", 22.5335, 114.1198),
        ("宝安南路松园段", "Bao'an South Rd at Songyuan", "Guiyuan", 22.5461, 114.1083),
        ("爱国路", "Aiguo Rd", "Huangbei", 22.5558, 114.1356),
        ("沿河南路", "Yanhe South Rd", "Nanhu", 22.5391, 114.1243),
        ("文锦渡口岸", "Wenjindu Port", "Nanhu", 22.5376, 114.1316),
        ("太宁路", "Taining Rd", "Cuizhu", 22.5703, 114.1318),
        ("莲塘罗沙路", "Luosha Rd at Liantang", "Liantang", 22.5606, 114.1771),
        ("清水河一路", "Qingshuihe 1st Rd", "Qingshuihe", 22.5893, 114.1116),
        ("草埔地铁站", "Caopu metro station", "Qingshuihe", 22.5922, 114.1193),
        ("翠竹路北段", "Cuizhu Rd north", "Cuizhu", 22.5712, 114.1275),
        ("黄贝岭", "Huangbeiling", "Huangbei", 22.5466, 114.1427),
        ("深南东路新秀段", "Shennan East Rd at Xinxiu", "Huangbei", 22.5447, 114.1502),
        ("东晓路独树村", "Dongxiao Rd at Dushu village", "Dongxiao", 22.5811, 114.1329),
    ];

    private static readonly (string Zh, string En, string Area, double Lat, double Lon)[] QualityStations =
    [
        ("深圳河罗湖桥", "Shenzhen River at Luohu Bridge", "Nanhu", 22.5322, 114.1181),
        ("深圳河文锦渡", "Shenzhen River at Wenjindu", "Nanhu", 22.5361, 114.1329),
        ("深圳河径肚", "Shenzhen River at Jingdu", "Liantang", 22.5512, 114.1706),
        ("布吉河草埔", "Buji River at Caopu", "Qingshuihe", 22.5918, 114.1221),
        ("布吉河笋岗", "Buji River at Sungang", "Sungang", 22.5651, 114.1176),
        ("布吉河人民桥", "Buji River at Renmin Bridge", "Nanhu", 22.5423, 114.1195),
        ("沙湾河口", "Shawan River mouth", "Liantang", 22.5574, 114.1542),
        ("莲塘河", "Liantang River", "Liantang", 22.5593, 114.1858),
        ("大望河", "Dawang River", "Dongxiao", 22.5936, 114.1518),
        ("水库排洪河", "Reservoir spillway river", "Dongxiao", 22.5788, 114.1437),
        ("笋岗滞洪区", "Sungang detention basin", "Sungang", 22.5693, 114.1044),
    ];

    private static readonly (string Zh, string En, double Lat, double Lon)[] Areas =
    [
        ("东门", "Dongmen", 22.548, 114.121), ("国贸", "Guomao", 22.540, 114.118), ("翠竹", "Cuizhu", 22.566, 114.128),
        ("笋岗", "Sungang", 22.567, 114.104), ("莲塘", "Liantang", 22.561, 114.178), ("黄贝", "Huangbei", 22.549, 114.141),
        ("桂园", "Guiyuan", 22.548, 114.107), ("南湖", "Nanhu", 22.537, 114.114), ("清水河", "Qingshuihe", 22.589, 114.111),
        ("东晓", "Dongxiao", 22.584, 114.136),
    ];

    private static readonly (string Zh, string En)[] Rivers = [("布吉河", "Buji River"), ("深圳河", "Shenzhen River"), ("沙湾河", "Shawan River"), ("莲塘河", "Liantang River"), ("大望河", "Dawang River")];

    public static IReadOnlyList<string> AreaNames { get; } = [.. Areas.Select(a => a.En)];

    public static string? FindArea(string name) =>
        Areas.FirstOrDefault(a => string.Equals(a.En, name, StringComparison.OrdinalIgnoreCase) || a.Zh == name).En;

    public static IReadOnlyList<Station> Generate(int seed)
    {
        var random = new Random(seed);
        var stations = new List<Station>(Outfalls + StormDrains + WaterloggingPoints.Length + QualityStations.Length);
        for (var i = 1; i <= Outfalls; i++)
        {
            var area = Areas[random.Next(Areas.Length)];
            var river = Rivers[random.Next(Rivers.Length)];
            // Outfalls range from a street gully (0.05 m³/s dry) to a culvert mouth; capacity 8–25 times the dry flow.
            var dry = Math.Round(0.02 + (random.NextDouble() * 0.4), 3);
            stations.Add(new Station(stations.Count, Id("WO", i, 3), $"{river.Zh}{area.Zh}排口{i:000}", $"{river.En} outfall {i:000} ({area.En})",
                StationKind.Outfall, area.En, Jitter(area.Lat, random), Jitter(area.Lon, random), dry,
                Math.Round(dry * (8 + (random.NextDouble() * 17)), 2), 0.6 + random.NextDouble()));
        }

        for (var i = 1; i <= StormDrains; i++)
        {
            var area = Areas[random.Next(Areas.Length)];
            var dry = Math.Round(0.01 + (random.NextDouble() * 0.1), 3);
            stations.Add(new Station(stations.Count, Id("WD", i, 3), $"{area.Zh}雨水管网{i:000}", $"{area.En} storm drain {i:000}",
                StationKind.StormDrain, area.En, Jitter(area.Lat, random), Jitter(area.Lon, random), dry,
                Math.Round(dry * (20 + (random.NextDouble() * 20)), 2), 0.6 + random.NextDouble()));
        }

        for (var i = 0; i < WaterloggingPoints.Length; i++)
        {
            var (zh, en, area, lat, lon) = WaterloggingPoints[i];
            // 15 cm of water stops cars and is the district's warning line; low underpasses respond most to rain.
            stations.Add(new Station(stations.Count, Id("WL", i + 1, 2), zh, en, StationKind.Waterlogging, area, lat, lon, 0, 15,
                0.7 + (random.NextDouble() * 0.8)));
        }

        for (var i = 0; i < QualityStations.Length; i++)
        {
            var (zh, en, area, lat, lon) = QualityStations[i];
            stations.Add(new Station(stations.Count, Id("WQ", i + 1, 2), zh, en, StationKind.Quality, area, lat, lon,
                Math.Round(8 + (random.NextDouble() * 12), 1), null, 0.5 + random.NextDouble()));
        }

        return stations;
    }

    private static string Id(string prefix, int number, int digits) =>
        $"{prefix}-{number.ToString(new string('0', digits), CultureInfo.InvariantCulture)}";

    private static double Jitter(double centre, Random random) => Math.Round(centre + ((random.NextDouble() - 0.5) * 0.02), 5);
}
