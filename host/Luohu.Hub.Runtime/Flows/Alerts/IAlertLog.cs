namespace Luohu.Hub.Runtime.Flows.Alerts;

/// <summary>Recent alerts, bounded in memory (<see cref="FlowOptions.AlertCapacity"/>); the oldest drop out first.</summary>
internal interface IAlertLog
{
    void Record(FlowAlert alert);

    /// <summary>Newest first, optionally of one department.</summary>
    IReadOnlyList<FlowAlert> List(string? department, int take = 100);
}
