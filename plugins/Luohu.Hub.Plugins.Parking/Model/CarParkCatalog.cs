using System.Globalization;

namespace Luohu.Hub.Plugins.Parking.Model;

/// <summary>
/// Generates the district's car parks from a seed. The same seed always gives the same names, places and
/// capacities, so tests, screenshots and demos are stable; the capacities always add up to the district's
/// published total.
/// </summary>
internal static class CarParkCatalog
{
    public const int LotCount = 620;
    public const int TotalSpaces = 92_467;

    private const int MinimumCapacity = 8;

    // How often each kind occurs, and the capacity range a lot of that kind is drawn from before scaling.
    private static readonly Dictionary<string, (double Weight, int Min, int Max, string Zh, string En)> Kinds = new()
    {
        [CarParkKinds.Shopping] = (0.13, 150, 600, "购物中心停车场", "Mall Car Park"),
        [CarParkKinds.Office] = (0.15, 80, 300, "写字楼停车场", "Office Car Park"),
        [CarParkKinds.Residential] = (0.27, 60, 260, "小区停车场", "Residential Car Park"),
        [CarParkKinds.Hospital] = (0.05, 120, 400, "医院停车场", "Hospital Car Park"),
        [CarParkKinds.Transit] = (0.12, 80, 350, "交通枢纽停车场", "Transit Car Park"),
        [CarParkKinds.Street] = (0.28, 10, 45, "路边停车位", "Street Parking"),
    };

    public static IReadOnlyList<CarPark> Generate(int seed)
    {
        var random = new Random(seed);
        var drafts = new List<(Subdistrict Area, (string Zh, string En) Road, string Kind, double Raw)>(LotCount);
        for (var i = 0; i < LotCount; i++)
        {
            var area = LuohuSubdistricts.All[i % LuohuSubdistricts.All.Count];
            var kind = PickKind(random, area.Character);
            var road = area.Roads[random.Next(area.Roads.Count)];
            var (_, min, max, _, _) = Kinds[kind];
            drafts.Add((area, road, kind, min + (random.NextDouble() * (max - min))));
        }

        var capacities = ScaleToTotal(drafts.Select(d => d.Raw).ToArray());
        var numbering = new Dictionary<string, int>(StringComparer.Ordinal);
        var lots = new CarPark[LotCount];
        for (var i = 0; i < LotCount; i++)
        {
            var (area, road, kind, _) = drafts[i];
            var key = $"{area.En}|{road.En}|{kind}";
            var number = numbering[key] = numbering.GetValueOrDefault(key) + 1;
            var (_, _, _, kindZh, kindEn) = Kinds[kind];
            lots[i] = new CarPark(
                Id: string.Create(CultureInfo.InvariantCulture, $"LH-{i + 1:D4}"),
                Index: i,
                Name: string.Create(CultureInfo.InvariantCulture, $"{area.Zh}·{road.Zh}{kindZh}{number}号"),
                NameEn: string.Create(CultureInfo.InvariantCulture, $"{road.En} {kindEn} No. {number}, {area.En}"),
                Area: area.En,
                Kind: kind,
                Capacity: capacities[i],
                Latitude: Jitter(random, area.Latitude, 0.009, LuohuSubdistricts.MinLatitude, LuohuSubdistricts.MaxLatitude),
                Longitude: Jitter(random, area.Longitude, 0.011, LuohuSubdistricts.MinLongitude, LuohuSubdistricts.MaxLongitude),
                Popularity: 0.8 + (random.NextDouble() * 0.35),
                Wobble: random.NextDouble() * 2 * Math.PI);
        }

        return lots;
    }

    private static string PickKind(Random random, string character)
    {
        // The subdistrict's character counts twice, so Dongmen has more malls and Liantang more homes.
        var total = Kinds.Sum(k => k.Key == character ? k.Value.Weight * 2 : k.Value.Weight);
        var roll = random.NextDouble() * total;
        foreach (var kind in CarParkKinds.All)
        {
            roll -= kind == character ? Kinds[kind].Weight * 2 : Kinds[kind].Weight;
            if (roll < 0)
            {
                return kind;
            }
        }

        return CarParkKinds.All[^1];
    }

    private static int[] ScaleToTotal(double[] raw)
    {
        var factor = TotalSpaces / raw.Sum();
        var capacities = raw.Select(r => Math.Max(MinimumCapacity, (int)Math.Round(r * factor))).ToArray();

        // Rounding leaves a few spaces over or under; spread them one by one over the largest lots,
        // where a space more or less is invisible.
        var order = Enumerable.Range(0, capacities.Length).OrderByDescending(i => capacities[i]).ThenBy(i => i).ToArray();
        var remainder = TotalSpaces - capacities.Sum();
        for (var step = 0; remainder != 0; step++)
        {
            capacities[order[step % order.Length]] += Math.Sign(remainder);
            remainder -= Math.Sign(remainder);
        }

        return capacities;
    }

    private static double Jitter(Random random, double centre, double spread, double min, double max) =>
        Math.Round(Math.Clamp(centre + (((random.NextDouble() * 2) - 1) * spread), min, max), 5);
}
