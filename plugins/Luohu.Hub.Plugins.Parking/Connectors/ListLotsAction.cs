using Luohu.Hub.Plugins.Parking.Model;
using Luohu.Hub.Plugins.Parking.Simulation;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary><c>parking.list-lots</c>: the car parks of an area or status, with their totals.</summary>
internal sealed class ListLotsAction(ParkingSimulation simulation, TimeProvider time) : IActionConnector<ListLotsRequest, CarParkList>
{
    public ValueTask<CarParkList> InvokeAsync(ListLotsRequest input, ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var area = string.IsNullOrWhiteSpace(input.Area) ? null
            : LuohuSubdistricts.Find(input.Area.Trim())
              ?? throw new CapabilityInputException("area", $"Unknown area '{input.Area}'. Areas: {LuohuSubdistricts.Names}.");
        var status = string.IsNullOrWhiteSpace(input.Status) ? null
            : CarParkStatus.All.FirstOrDefault(s => string.Equals(s, input.Status.Trim(), StringComparison.OrdinalIgnoreCase))
              ?? throw new CapabilityInputException("status", $"Unknown status '{input.Status}'. Use one of: {string.Join(", ", CarParkStatus.All)}, or leave it empty.");

        simulation.Advance(time.GetUtcNow());
        var lots = simulation.Snapshot(l => area is null || l.Area == area.En)
            .Where(s => status is null || s.Status == status)
            .ToArray();
        return ValueTask.FromResult(new CarParkList(lots, lots.Sum(l => l.Total), lots.Sum(l => l.Free)));
    }
}
