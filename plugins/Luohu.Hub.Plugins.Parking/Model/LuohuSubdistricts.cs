namespace Luohu.Hub.Plugins.Parking.Model;

/// <summary>The district's geography, as far as the simulation needs it.</summary>
internal static class LuohuSubdistricts
{
    public const double MinLatitude = 22.53;
    public const double MaxLatitude = 22.62;
    public const double MinLongitude = 114.09;
    public const double MaxLongitude = 114.21;

    public static IReadOnlyList<Subdistrict> All { get; } =
    [
        new("东门", "Dongmen", 22.548, 114.121, CarParkKinds.Shopping,
            [("解放路", "Jiefang Rd"), ("东门中路", "Dongmen Middle Rd"), ("湖贝路", "Hubei Rd"), ("新园路", "Xinyuan Rd"), ("立新路", "Lixin Rd")]),
        new("国贸", "Guomao", 22.540, 114.118, CarParkKinds.Office,
            [("人民南路", "Renmin South Rd"), ("嘉宾路", "Jiabin Rd"), ("春风路", "Chunfeng Rd"), ("建设路", "Jianshe Rd")]),
        new("翠竹", "Cuizhu", 22.566, 114.128, CarParkKinds.Residential,
            [("翠竹路", "Cuizhu Rd"), ("太宁路", "Taining Rd"), ("田贝一路", "Tianbei 1st Rd"), ("水贝路", "Shuibei Rd")]),
        new("笋岗", "Sungang", 22.567, 114.104, CarParkKinds.Shopping,
            [("笋岗路", "Sungang Rd"), ("宝安北路", "Bao'an North Rd"), ("梨园路", "Liyuan Rd"), ("洪湖路", "Honghu Rd")]),
        new("莲塘", "Liantang", 22.561, 114.178, CarParkKinds.Residential,
            [("罗沙路", "Luosha Rd"), ("莲塘路", "Liantang Rd"), ("国威路", "Guowei Rd"), ("畔山路", "Panshan Rd")]),
        new("黄贝", "Huangbei", 22.549, 114.141, CarParkKinds.Transit,
            [("黄贝路", "Huangbei Rd"), ("凤凰路", "Fenghuang Rd"), ("新秀路", "Xinxiu Rd"), ("深南东路", "Shennan East Rd")]),
        new("桂园", "Guiyuan", 22.548, 114.107, CarParkKinds.Office,
            [("红岭中路", "Hongling Middle Rd"), ("宝安南路", "Bao'an South Rd"), ("桂园路", "Guiyuan Rd"), ("松园路", "Songyuan Rd")]),
        new("南湖", "Nanhu", 22.537, 114.114, CarParkKinds.Transit,
            [("建设路", "Jianshe Rd"), ("和平路", "Heping Rd"), ("沿河南路", "Yanhe South Rd"), ("罗湖口岸", "Luohu Port")]),
        new("清水河", "Qingshuihe", 22.589, 114.111, CarParkKinds.Office,
            [("清水河一路", "Qingshuihe 1st Rd"), ("泥岗路", "Nigang Rd"), ("红岗路", "Honggang Rd")]),
        new("东晓", "Dongxiao", 22.584, 114.136, CarParkKinds.Residential,
            [("东晓路", "Dongxiao Rd"), ("布心路", "Buxin Rd"), ("金稻田路", "Jindaotian Rd"), ("太白路", "Taibai Rd")]),
    ];

    /// <summary>Finds a subdistrict by its English or Chinese name, ignoring case.</summary>
    public static Subdistrict? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.En, name, StringComparison.OrdinalIgnoreCase) || s.Zh == name);

    public static string Names => string.Join(", ", All.Select(s => s.En));
}
