using Luohu.Hub.Plugins.Parking.Model;

namespace Luohu.Hub.Plugins.Tests.Parking;

public sealed class CarParkCatalogTests
{
    private static readonly IReadOnlyList<CarPark> Lots = CarParkCatalog.Generate(new Luohu.Hub.Plugins.Parking.ParkingOptions().Seed);

    [Fact]
    public void Generate_DefaultSeed_Has620LotsWith92467SpacesInTotal()
    {
        Assert.Equal(620, Lots.Count);
        Assert.Equal(92_467, Lots.Sum(l => l.Capacity));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(-7)]
    public void Generate_AnySeed_KeepsTheDistrictTotal(int seed) =>
        Assert.Equal(92_467, CarParkCatalog.Generate(seed).Sum(l => l.Capacity));

    [Fact]
    public void Generate_Ids_RunFromLH0001ToLH0620InOrder() =>
        Assert.Equal(Enumerable.Range(1, 620).Select(i => $"LH-{i:D4}"), Lots.Select(l => l.Id));

    [Fact]
    public void Generate_SameSeed_GivesTheSameCatalogue() =>
        Assert.Equal(Lots, CarParkCatalog.Generate(new Luohu.Hub.Plugins.Parking.ParkingOptions().Seed));

    [Fact]
    public void Generate_OtherSeed_GivesAnotherCatalogue() =>
        Assert.NotEqual(Lots.Select(l => l.Capacity), CarParkCatalog.Generate(7).Select(l => l.Capacity));

    [Fact]
    public void Generate_Areas_AreTheTenSubdistricts() =>
        Assert.Equal(
            ["Cuizhu", "Dongmen", "Dongxiao", "Guiyuan", "Guomao", "Huangbei", "Liantang", "Nanhu", "Qingshuihe", "Sungang"],
            Lots.Select(l => l.Area).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Generate_Kinds_IncludeEverySixKinds() =>
        Assert.Equal(CarParkKinds.All.Order(StringComparer.Ordinal), Lots.Select(l => l.Kind).Distinct().Order(StringComparer.Ordinal));

    [Fact]
    public void Generate_Locations_AreInsideLuohu() =>
        Assert.All(Lots, l =>
        {
            Assert.InRange(l.Latitude, 22.53, 22.62);
            Assert.InRange(l.Longitude, 114.09, 114.21);
        });

    [Fact]
    public void Generate_Names_AreUniqueInBothLanguages()
    {
        Assert.Equal(620, Lots.Select(l => l.Name).Distinct().Count());
        Assert.Equal(620, Lots.Select(l => l.NameEn).Distinct().Count());
    }

    [Fact]
    public void Generate_Names_StartWithTheSubdistrictInChinese()
    {
        var chinese = LuohuSubdistricts.All.ToDictionary(s => s.En, s => s.Zh);
        Assert.All(Lots, l => Assert.StartsWith(chinese[l.Area], l.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_Capacities_AreAtLeastEightSpaces() =>
        Assert.All(Lots, l => Assert.True(l.Capacity >= 8, $"{l.Id} has {l.Capacity} spaces"));
}
