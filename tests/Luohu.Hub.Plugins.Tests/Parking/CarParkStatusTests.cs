using Luohu.Hub.Plugins.Parking.Model;

namespace Luohu.Hub.Plugins.Tests.Parking;

public sealed class CarParkStatusTests
{
    [Theory]
    [InlineData(0, 100, "full")]
    [InlineData(9, 100, "nearly-full")]
    [InlineData(9, 40, "nearly-full")]
    [InlineData(19, 200, "nearly-full")]
    [InlineData(20, 200, "available")]
    [InlineData(10, 50, "available")]
    public void Of_FreeAndTotal_GivesTheStatus(int free, int total, string expected) =>
        Assert.Equal(expected, CarParkStatus.Of(free, total));
}
