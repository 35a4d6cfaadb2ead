namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary>Input of <c>parking.get-lot</c>.</summary>
/// <param name="LotId">The car park, <c>LH-0001</c> to <c>LH-0620</c>.</param>
internal sealed record GetLotRequest(string LotId);
