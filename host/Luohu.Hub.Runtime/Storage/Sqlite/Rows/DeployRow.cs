namespace Luohu.Hub.Runtime.Storage.Sqlite.Rows;

/// <summary>A <c>deploys</c> row as Dapper reads it.</summary>
internal sealed class DeployRow
{
    public long Id { get; set; }
    public string FlowId { get; set; } = "";
    public long? Version { get; set; }
    public string Action { get; set; } = "";
    public string Author { get; set; } = "";
    public long At { get; set; }

    public DeployRecord ToRecord() => new()
    {
        Id = Id,
        FlowId = FlowId,
        Version = (int?)Version,
        Action = Enum.Parse<DeployAction>(Action, ignoreCase: true),
        Author = Author,
        At = UnixTime.FromMs(At),
    };
}
