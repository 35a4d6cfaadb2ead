using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Flows.Alerts;

/// <inheritdoc cref="IAlertLog"/>
internal sealed class AlertLog(IOptions<FlowOptions> options) : IAlertLog
{
    private readonly Lock _gate = new();
    private readonly LinkedList<FlowAlert> _alerts = new();

    public void Record(FlowAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_gate)
        {
            _alerts.AddFirst(alert);
            while (_alerts.Count > Math.Max(1, options.Value.AlertCapacity))
            {
                _alerts.RemoveLast();
            }
        }
    }

    public IReadOnlyList<FlowAlert> List(string? department, int take = 100)
    {
        lock (_gate)
        {
            return [.. _alerts.Where(a => department is null || a.Department == department).Take(Math.Max(0, take))];
        }
    }
}
