using Luohu.Hub.Plugins.Parking.Model;

namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary>Output of <c>parking.list-lots</c>.</summary>
/// <param name="Lots">The matching lots.</param>
/// <param name="TotalSpaces">Spaces in the matching lots.</param>
/// <param name="FreeSpaces">Free spaces in the matching lots.</param>
internal sealed record CarParkList(IReadOnlyList<CarParkState> Lots, int TotalSpaces, int FreeSpaces);
