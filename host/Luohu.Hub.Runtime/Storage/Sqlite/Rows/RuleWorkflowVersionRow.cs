namespace Luohu.Hub.Runtime.Storage.Sqlite.Rows;

/// <summary>A <c>rule_workflow_versions</c> row as Dapper reads it.</summary>
internal sealed class RuleWorkflowVersionRow
{
    public string Department { get; set; } = "";
    public string Name { get; set; } = "";
    public long Version { get; set; }
    public string Json { get; set; } = "";
    public string Author { get; set; } = "";
    public string? Comment { get; set; }
    public long CreatedAt { get; set; }

    public RuleWorkflowVersionRecord ToRecord() => new()
    {
        Department = Department,
        Name = Name,
        Version = (int)Version,
        Json = Json,
        Author = Author,
        Comment = Comment,
        CreatedAt = UnixTime.FromMs(CreatedAt),
    };
}
