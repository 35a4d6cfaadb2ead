namespace Luohu.Hub.Runtime.Storage.Sqlite.Rows;

/// <summary>A <c>flows</c> row as Dapper reads it (timestamps as unix ms).</summary>
internal sealed class FlowRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Department { get; set; } = "";
    public string? Description { get; set; }
    public string Json { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public long CreatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public long UpdatedAt { get; set; }
    public long? LatestVersion { get; set; }
    public long? DeployedVersion { get; set; }

    public FlowRecord ToRecord() => new()
    {
        Id = Id,
        Name = Name,
        Department = Department,
        Description = Description,
        Json = Json,
        CreatedBy = CreatedBy,
        CreatedAt = UnixTime.FromMs(CreatedAt),
        UpdatedBy = UpdatedBy,
        UpdatedAt = UnixTime.FromMs(UpdatedAt),
        LatestVersion = (int?)LatestVersion,
        DeployedVersion = (int?)DeployedVersion,
    };
}
