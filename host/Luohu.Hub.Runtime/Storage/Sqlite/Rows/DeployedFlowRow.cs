namespace Luohu.Hub.Runtime.Storage.Sqlite.Rows;

/// <summary>A deployed flow joined with its version's JSON, as Dapper reads it.</summary>
internal sealed class DeployedFlowRow
{
    public string FlowId { get; set; } = "";
    public long Version { get; set; }
    public string Json { get; set; } = "";
    public string DeployedBy { get; set; } = "";
    public long DeployedAt { get; set; }

    public DeployedFlow ToRecord() => new()
    {
        FlowId = FlowId,
        Version = (int)Version,
        Json = Json,
        DeployedBy = DeployedBy,
        DeployedAt = UnixTime.FromMs(DeployedAt),
    };
}
