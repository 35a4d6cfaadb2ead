namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// Lets a department use a capability or an event stream. Device groups narrow it: when set, a call must name
/// one of them (<c>deviceGroup</c> or <c>cameraGroup</c> in its input); when empty, every device is covered.
/// </summary>
internal sealed record Grant
{
    public required string Id { get; init; }
    public required string Department { get; init; }
    public required GrantKind Kind { get; init; }
    public required string Target { get; init; }
    public IReadOnlyList<string> DeviceGroups { get; init; } = [];
    public string CreatedBy { get; init; } = "system";
    public DateTimeOffset CreatedAt { get; init; }
}
