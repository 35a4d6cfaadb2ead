namespace Luohu.Hub.Runtime.Storage.Sqlite.Rows;

/// <summary>A <c>flow_versions</c> row as Dapper reads it.</summary>
internal sealed class FlowVersionRow
{
    public string FlowId { get; set; } = "";
    public long Version { get; set; }
    public string Json { get; set; } = "";
    public string Author { get; set; } = "";
    public string? Comment { get; set; }
    public long CreatedAt { get; set; }

    public FlowVersionRecord ToRecord() => new()
    {
        FlowId = FlowId,
        Version = (int)Version,
        Json = Json,
        Author = Author,
        Comment = Comment,
        CreatedAt = UnixTime.FromMs(CreatedAt),
    };
}
