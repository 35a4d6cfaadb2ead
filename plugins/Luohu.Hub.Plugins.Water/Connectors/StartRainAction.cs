using Luohu.Hub.Plugins.Water.Model;
using Luohu.Hub.Plugins.Water.Simulation;
using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Plugins.Water.Connectors;

/// <summary><c>water.start-rain</c>: lets a storm fall on the simulated district (drills, demos, tests).</summary>
internal sealed class StartRainAction(WaterSimulation simulation) : IActionConnector<StartRainRequest, StartRainResult>
{
    public ValueTask<StartRainResult> InvokeAsync(StartRainRequest input, ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.PeakMmPerHour is < 1 or > 200 || double.IsNaN(input.PeakMmPerHour))
        {
            throw new CapabilityInputException("peakMmPerHour", $"Peak intensity {input.PeakMmPerHour} mm/h is outside 1 to 200; 30 is heavy rain, 60 a rainstorm.");
        }

        if (input.DurationMinutes is < 1 or > 720 || double.IsNaN(input.DurationMinutes))
        {
            throw new CapabilityInputException("durationMinutes", $"Duration {input.DurationMinutes} min is outside 1 to 720.");
        }

        var area = string.IsNullOrWhiteSpace(input.Area) ? null
            : StationCatalog.FindArea(input.Area.Trim())
              ?? throw new CapabilityInputException("area", $"Unknown area '{input.Area}'. Areas: {string.Join(", ", StationCatalog.AreaNames)}, or leave it empty for the whole district.");
        var storm = simulation.StartRain(input.PeakMmPerHour, TimeSpan.FromMinutes(input.DurationMinutes), area);
        return ValueTask.FromResult(new StartRainResult(storm.Id, storm.PeakMmPerHour, storm.Duration.TotalMinutes, storm.Area));
    }
}
