using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Cameras.Model;

/// <summary>
/// The district's 36 simulated cameras, twelve per device group, on real Luohu places. Fixed data, so every install
/// shows the same cameras: the first six hospital-crossing cameras watch the three signalised crossings by Shenzhen
/// People's Hospital and Luohu Hospital (signals <c>LH-X005</c>–<c>LH-X007</c>); every main-road camera has an acoustic
/// array that locates honking vehicles.
/// </summary>
internal static class CameraCatalog
{
    private static readonly (string Zh, string En, double Lat, double Lon)[] HospitalCrossings =
    [
        ("东门北路/爱国路 北侧（市人民医院）", "Dongmen North Rd / Aiguo Rd, north side (People's Hospital)", 22.5582, 114.1251),
        ("东门北路/爱国路 南侧（市人民医院）", "Dongmen North Rd / Aiguo Rd, south side (People's Hospital)", 22.5577, 114.1249),
        ("东门北路/笋岗东路 西侧（市人民医院）", "Dongmen North Rd / Sungang East Rd, west side (People's Hospital)", 22.5605, 114.1237),
        ("东门北路/笋岗东路 东侧（市人民医院）", "Dongmen North Rd / Sungang East Rd, east side (People's Hospital)", 22.5606, 114.1243),
        ("友谊路/嘉宾路 北侧（罗湖医院）", "Youyi Rd / Jiabin Rd, north side (Luohu Hospital)", 22.5422, 114.1201),
        ("友谊路/嘉宾路 南侧（罗湖医院）", "Youyi Rd / Jiabin Rd, south side (Luohu Hospital)", 22.5418, 114.1199),
        ("市人民医院门诊部 东门北路人行横道", "People's Hospital outpatients, Dongmen North Rd crossing", 22.5593, 114.1246),
        ("罗湖区人民医院 友谊路入口", "Luohu People's Hospital, Youyi Rd entrance", 22.5431, 114.1207),
        ("罗湖区中医院 太白路", "Luohu TCM Hospital, Taibai Rd", 22.5671, 114.1318),
        ("罗湖区妇幼保健院 红岭北路", "Luohu Maternal and Child Health Hospital, Hongling North Rd", 22.5607, 114.1046),
        ("罗湖区医养融合老年病医院 莲塘", "Luohu Geriatric Hospital, Liantang", 22.5598, 114.1702),
        ("罗湖区康复医院 翠竹路", "Luohu Rehabilitation Hospital, Cuizhu Rd", 22.5689, 114.1279),
    ];

    private static readonly (string Zh, string En, double Lat, double Lon)[] SchoolGates =
    [
        ("翠竹外国语实验学校 校门", "Cuizhu Foreign Language School gate", 22.5661, 114.1284),
        ("罗湖外语学校 校门", "Luohu Foreign Language School gate", 22.5589, 114.1422),
        ("深圳中学 泥岗校门", "Shenzhen Middle School, Nigang gate", 22.5779, 114.1101),
        ("翠园中学 校门", "Cuiyuan Middle School gate", 22.5628, 114.1311),
        ("螺岭外国语实验学校 校门", "Luoling Foreign Language School gate", 22.5572, 114.1155),
        ("罗湖小学 校门", "Luohu Primary School gate", 22.5407, 114.1214),
        ("桂园中学 校门", "Guiyuan Middle School gate", 22.5476, 114.1088),
        ("红岭中学 园岭校门", "Hongling Middle School, Yuanling gate", 22.5531, 114.1021),
        ("滨河小学 校门", "Binhe Primary School gate", 22.5401, 114.1287),
        ("东晓小学 校门", "Dongxiao Primary School gate", 22.5822, 114.1341),
        ("莲南小学 校门", "Liannan Primary School gate", 22.5587, 114.1698),
        ("北斗小学 校门", "Beidou Primary School gate", 22.5539, 114.1234),
    ];

    private static readonly (string Zh, string En, double Lat, double Lon)[] MainRoads =
    [
        ("深南东路/建设路", "Shennan East Rd / Jianshe Rd", 22.5436, 114.1152),
        ("人民南路/嘉宾路", "Renmin South Rd / Jiabin Rd", 22.5396, 114.1181),
        ("宝安南路/深南东路", "Bao'an South Rd / Shennan East Rd", 22.5451, 114.1081),
        ("红岭中路/深南东路", "Hongling Middle Rd / Shennan East Rd", 22.5441, 114.1021),
        ("文锦中路/深南东路", "Wenjin Middle Rd / Shennan East Rd", 22.5471, 114.1311),
        ("黄贝路/深南东路", "Huangbei Rd / Shennan East Rd", 22.5481, 114.1421),
        ("泥岗东路/红岗路", "Nigang East Rd / Honggang Rd", 22.5781, 114.1061),
        ("布心路/东晓路", "Buxin Rd / Dongxiao Rd", 22.5831, 114.1351),
        ("罗沙路/国威路", "Luosha Rd / Guowei Rd", 22.5621, 114.1741),
        ("沿河北路/布吉路", "Yanhe North Rd / Buji Rd", 22.5601, 114.1381),
        ("宝安北路/笋岗路", "Bao'an North Rd / Sungang Rd", 22.5671, 114.1091),
        ("东门中路/解放路", "Dongmen Middle Rd / Jiefang Rd", 22.5476, 114.1226),
    ];

    public static IReadOnlyList<Camera> Create()
    {
        var cameras = new List<Camera>(HospitalCrossings.Length + SchoolGates.Length + MainRoads.Length);
        Add(cameras, "HC", DeviceGroups.HospitalCrossings, HospitalCrossings, acousticArray: false);
        Add(cameras, "SG", DeviceGroups.SchoolGates, SchoolGates, acousticArray: false);
        Add(cameras, "MR", DeviceGroups.MainRoads, MainRoads, acousticArray: true);
        return cameras;
    }

    private static void Add(List<Camera> cameras, string prefix, string group, (string Zh, string En, double Lat, double Lon)[] places, bool acousticArray)
    {
        for (var i = 0; i < places.Length; i++)
        {
            var (zh, en, lat, lon) = places[i];
            cameras.Add(new Camera(cameras.Count, $"{prefix}-{i + 1:00}", zh, en, group, new GeoPoint(lat, lon), acousticArray));
        }
    }
}
