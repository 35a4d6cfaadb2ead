using Luohu.Hub.Plugins.Parking;
using Luohu.Hub.Plugins.Parking.Model;
using Luohu.Hub.Plugins.Parking.Simulation;
using Luohu.Hub.Plugins.Tests.Fakes;

namespace Luohu.Hub.Plugins.Tests.Parking;

public sealed class OccupancyModelTests
{
    private static readonly IReadOnlyList<CarPark> Lots = CarParkCatalog.Generate(new ParkingOptions().Seed);

    private static double AverageShare(string kind, DateTimeOffset at) =>
        Lots.Where(l => l.Kind == kind).Average(l => (double)OccupancyModel.TargetOccupied(l, at) / l.Capacity);

    [Fact]
    public void Office_IsFullerOnAWeekdayMorningThanAtNight() =>
        Assert.True(AverageShare(CarParkKinds.Office, District.Tuesday(10)) > AverageShare(CarParkKinds.Office, District.Tuesday(3)) + 0.5);

    [Fact]
    public void Office_IsFullerOnAWeekdayThanOnSaturday() =>
        Assert.True(AverageShare(CarParkKinds.Office, District.Tuesday(11)) > AverageShare(CarParkKinds.Office, District.Saturday(11)) + 0.4);

    [Fact]
    public void Shopping_IsFullerOnSaturdayEveningThanOnTuesdayMorning() =>
        Assert.True(AverageShare(CarParkKinds.Shopping, District.Saturday(20)) > AverageShare(CarParkKinds.Shopping, District.Tuesday(10)) + 0.3);

    [Fact]
    public void Shopping_PeaksInTheEveningRatherThanAtNoon() =>
        Assert.True(AverageShare(CarParkKinds.Shopping, District.Tuesday(20)) > AverageShare(CarParkKinds.Shopping, District.Tuesday(12)));

    [Fact]
    public void Residential_IsTheInverseOfOffice() =>
        Assert.True(AverageShare(CarParkKinds.Residential, District.Tuesday(3)) > AverageShare(CarParkKinds.Residential, District.Tuesday(11)) + 0.3);

    [Fact]
    public void Hospital_IsBusierInTheMorningThanTheEvening() =>
        Assert.True(AverageShare(CarParkKinds.Hospital, District.Tuesday(10)) > AverageShare(CarParkKinds.Hospital, District.Tuesday(21)) + 0.3);

    [Theory]
    [InlineData(8, 0)]
    [InlineData(18, 30)]
    public void Transit_PeaksAtRushHour(int hour, int minute)
    {
        var peak = AverageShare(CarParkKinds.Transit, District.Tuesday(hour, minute));
        Assert.True(peak > AverageShare(CarParkKinds.Transit, District.Tuesday(13)) + 0.2);
        Assert.True(peak > AverageShare(CarParkKinds.Transit, District.Tuesday(3)) + 0.5);
    }

    [Fact]
    public void TargetOccupied_ReadsDistrictTimeWhateverTheOffsetOfTheInstant()
    {
        var lot = Lots.First(l => l.Kind == CarParkKinds.Office);
        var local = District.Tuesday(10);
        Assert.Equal(OccupancyModel.TargetOccupied(lot, local), OccupancyModel.TargetOccupied(lot, local.ToUniversalTime()));
    }

    [Fact]
    public void TargetOccupied_FillsSomePopularLotsCompletelyAtPeak() =>
        Assert.Contains(Lots.Where(l => l.Kind == CarParkKinds.Shopping), l => OccupancyModel.TargetOccupied(l, District.Saturday(20)) == l.Capacity);
}
