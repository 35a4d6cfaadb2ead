namespace Luohu.Hub.Runtime.Storage.Sqlite.Rows;

/// <summary>A <c>rule_workflows</c> row as Dapper reads it.</summary>
internal sealed class RuleWorkflowRow
{
    public string Department { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string Draft { get; set; } = "";
    public string? TestCases { get; set; }
    public string CreatedBy { get; set; } = "";
    public long CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public long UpdatedAt { get; set; }
    public long? LatestVersion { get; set; }

    public RuleWorkflowRecord ToRecord() => new()
    {
        Department = Department,
        Name = Name,
        Description = Description,
        Draft = Draft,
        TestCases = TestCases,
        CreatedBy = CreatedBy,
        CreatedAt = UnixTime.FromMs(CreatedAt),
        UpdatedBy = UpdatedBy,
        UpdatedAt = UnixTime.FromMs(UpdatedAt),
        LatestVersion = (int?)LatestVersion,
    };
}
