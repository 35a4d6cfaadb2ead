using Luohu.Hub.Plugins.Parking.Model;
using Luohu.Hub.Plugins.Parking.Simulation;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Plugins.Parking.Connectors;

/// <summary><c>parking.get-lot</c>: one car park's current state.</summary>
internal sealed class GetLotAction(ParkingSimulation simulation, TimeProvider time) : IActionConnector<GetLotRequest, CarParkState>
{
    public ValueTask<CarParkState> InvokeAsync(GetLotRequest input, ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lot = simulation.Find(input.LotId) ?? throw UnknownLot("lotId", input.LotId, simulation);

        // Reads are current even when nobody runs the event source.
        simulation.Advance(time.GetUtcNow());
        return ValueTask.FromResult(simulation.GetState(lot.Index));
    }

    internal static CapabilityInputException UnknownLot(string field, string? lotId, ParkingSimulation simulation) =>
        new(field, $"Unknown car park '{lotId}'. Ids run from {simulation.Lots[0].Id} to {simulation.Lots[^1].Id}.");
}
