using System.Globalization;
using Luohu.Hub.Sdk.Families;
using PhaseTiming = (string Description, int Min, int Max, int Normal, int PeakAm, int PeakPm, int Night);

namespace Luohu.Hub.Plugins.Signals.Model;

/// <summary>The district's signalised intersections. Fixed data, so every install shows the same network.</summary>
internal static class IntersectionCatalog
{
    private const string PeoplesHospital = "深圳市人民医院 Shenzhen People's Hospital";
    private const string LuohuHospital = "罗湖医院 Luohu Hospital";

    private static readonly string[] TwoPhase = [PhaseIds.NorthSouthThrough, PhaseIds.EastWestThrough];
    private static readonly string[] WithCrossing = [PhaseIds.NorthSouthThrough, PhaseIds.EastWestThrough, PhaseIds.Pedestrian];
    private static readonly string[] WithLefts = [PhaseIds.NorthSouthThrough, PhaseIds.NorthSouthLeft, PhaseIds.EastWestThrough, PhaseIds.EastWestLeft];
    private static readonly string[] LeftAndCrossing = [PhaseIds.NorthSouthThrough, PhaseIds.EastWestThrough, PhaseIds.EastWestLeft, PhaseIds.Pedestrian];

    private static readonly (string Zh, string En, double Lat, double Lon, string[] Phases, string? Hospital)[] Crossings =
    [
        ("深南东路/建设路", "Shennan East Rd / Jianshe Rd", 22.5435, 114.1150, WithLefts, null),
        ("人民南路/嘉宾路", "Renmin South Rd / Jiabin Rd", 22.5395, 114.1180, WithLefts, null),
        ("东门中路/解放路", "Dongmen Middle Rd / Jiefang Rd", 22.5475, 114.1225, LeftAndCrossing, null),
        ("宝安南路/深南东路", "Bao'an South Rd / Shennan East Rd", 22.5450, 114.1080, WithLefts, null),
        ("东门北路/爱国路", "Dongmen North Rd / Aiguo Rd", 22.5580, 114.1250, LeftAndCrossing, PeoplesHospital),
        ("东门北路/笋岗东路", "Dongmen North Rd / Sungang East Rd", 22.5605, 114.1240, WithCrossing, PeoplesHospital),
        ("友谊路/嘉宾路", "Youyi Rd / Jiabin Rd", 22.5420, 114.1200, WithCrossing, LuohuHospital),
        ("春风路/建设路", "Chunfeng Rd / Jianshe Rd", 22.5380, 114.1150, TwoPhase, null),
        ("红岭中路/深南东路", "Hongling Middle Rd / Shennan East Rd", 22.5440, 114.1020, WithLefts, null),
        ("红岭北路/笋岗西路", "Hongling North Rd / Sungang West Rd", 22.5650, 114.1030, WithLefts, null),
        ("宝安北路/笋岗路", "Bao'an North Rd / Sungang Rd", 22.5670, 114.1090, LeftAndCrossing, null),
        ("文锦中路/深南东路", "Wenjin Middle Rd / Shennan East Rd", 22.5470, 114.1310, WithLefts, null),
        ("文锦北路/爱国路", "Wenjin North Rd / Aiguo Rd", 22.5560, 114.1330, WithCrossing, null),
        ("太宁路/翠竹路", "Taining Rd / Cuizhu Rd", 22.5700, 114.1290, TwoPhase, null),
        ("田贝一路/翠竹路", "Tianbei 1st Rd / Cuizhu Rd", 22.5650, 114.1270, WithCrossing, null),
        ("布心路/东晓路", "Buxin Rd / Dongxiao Rd", 22.5830, 114.1350, LeftAndCrossing, null),
        ("泥岗东路/红岗路", "Nigang East Rd / Honggang Rd", 22.5780, 114.1060, WithLefts, null),
        ("清水河一路/泥岗路", "Qingshuihe 1st Rd / Nigang Rd", 22.5860, 114.1050, TwoPhase, null),
        ("黄贝路/深南东路", "Huangbei Rd / Shennan East Rd", 22.5480, 114.1420, WithLefts, null),
        ("沿河南路/春风路", "Yanhe South Rd / Chunfeng Rd", 22.5390, 114.1300, WithCrossing, null),
        ("罗沙路/国威路", "Luosha Rd / Guowei Rd", 22.5620, 114.1740, LeftAndCrossing, null),
        ("沿河北路/布吉路", "Yanhe North Rd / Buji Rd", 22.5600, 114.1380, WithLefts, null),
        ("宝安南路/红桂路", "Bao'an South Rd / Honggui Rd", 22.5490, 114.1090, WithCrossing, null),
        ("人民北路/解放路", "Renmin North Rd / Jiefang Rd", 22.5490, 114.1170, WithCrossing, null),
    ];

    // Min and max green by phase, and the green each plan gives it.
    private static readonly Dictionary<string, PhaseTiming> PhaseTable = new()
    {
        [PhaseIds.NorthSouthThrough] = ("North-south traffic straight on and right", 15, 90, 40, 55, 50, 25),
        [PhaseIds.EastWestThrough] = ("East-west traffic straight on and right", 15, 90, 35, 45, 50, 20),
        [PhaseIds.NorthSouthLeft] = ("North-south left turns", 8, 40, 15, 20, 20, 10),
        [PhaseIds.EastWestLeft] = ("East-west left turns", 8, 40, 15, 20, 20, 10),
        [PhaseIds.Pedestrian] = ("All-way pedestrian crossing", 10, 60, 20, 15, 15, 12),
    };

    private const int ElderlyCrossingSeconds = 45;

    public static IReadOnlyList<Intersection> Create() => Crossings.Select(Build).ToArray();

    private static Intersection Build((string Zh, string En, double Lat, double Lon, string[] Phases, string? Hospital) crossing, int index)
    {
        // Neighbouring intersections differ by a few seconds of main-road green, as real plans do.
        var extra = index % 3 * 5;
        int Green(string phase, int seconds) => phase.EndsWith("-through", StringComparison.Ordinal) ? seconds + extra : seconds;
        TimingPlan Plan(string id, Func<PhaseTiming, int> pick) =>
            new(id, crossing.Phases.ToDictionary(p => p, p => Green(p, pick(PhaseTable[p]))));

        var normal = Plan(PlanIds.Normal, t => t.Normal);
        var plans = new List<TimingPlan> { normal, Plan(PlanIds.PeakAm, t => t.PeakAm), Plan(PlanIds.PeakPm, t => t.PeakPm), Plan(PlanIds.Night, t => t.Night) };
        if (crossing.Hospital is not null)
        {
            // Older patients cross slowly: the normal plan with a pedestrian green more than twice as long.
            plans.Add(new TimingPlan(
                PlanIds.ElderlyCrossing,
                normal.GreenSeconds.ToDictionary(g => g.Key, g => g.Key == PhaseIds.Pedestrian ? ElderlyCrossingSeconds : g.Value)));
        }

        return new Intersection(
            string.Create(CultureInfo.InvariantCulture, $"LH-X{index + 1:D3}"),
            crossing.Zh,
            crossing.En,
            new GeoPoint(crossing.Lat, crossing.Lon),
            crossing.Hospital,
            crossing.Phases.Select(p => new SignalPhase(p, PhaseTable[p].Description, PhaseTable[p].Min, PhaseTable[p].Max)).ToArray(),
            plans);
    }
}
