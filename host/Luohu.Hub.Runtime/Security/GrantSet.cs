using System.Text.Json;

namespace Luohu.Hub.Runtime.Security;

/// <summary>An immutable snapshot of every grant, asked on each capability call and flow validation.</summary>
internal sealed class GrantSet
{
    private static readonly string[] DeviceGroupFields = ["deviceGroup", "cameraGroup"];
    private readonly ILookup<string, Grant> _byDepartment;

    public GrantSet(IEnumerable<Grant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        All = [.. grants];
        _byDepartment = All.ToLookup(g => g.Department, StringComparer.Ordinal);
    }

    public static GrantSet Empty { get; } = new([]);

    public IReadOnlyList<Grant> All { get; }

    public IEnumerable<Grant> Of(string department) => _byDepartment[department];

    /// <summary>The device group an input names (<c>deviceGroup</c> or <c>cameraGroup</c>), or null.</summary>
    public static string? DeviceGroupOf(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var field in DeviceGroupFields)
        {
            if (input.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    /// <summary>
    /// Null when one of <paramref name="departments"/> holds a capability grant covering the call, else what is missing.
    /// A grant narrowed to device groups covers only calls naming one of them.
    /// </summary>
    /// <param name="departments">The caller's departments; any one grant suffices.</param>
    /// <param name="capability">The capability called.</param>
    /// <param name="deviceGroup">The device group the input names, or null.</param>
    /// <param name="anyDeviceGroup">True at flow validation, where the device group is only known per message.</param>
    public string? CheckCapability(IReadOnlyCollection<string> departments, string capability, string? deviceGroup, bool anyDeviceGroup = false)
    {
        ArgumentNullException.ThrowIfNull(departments);
        if (departments.Count == 0)
        {
            return $"Calling '{capability}' needs a department with a capability grant for it; the caller belongs to no department. Ask an admin to add the caller to a department.";
        }

        var matching = departments.SelectMany(Of).Where(g => g.Kind == GrantKind.Capability && CapabilityPattern.Matches(g.Target, capability)).ToList();
        if (matching.Count == 0)
        {
            return $"No capability grant covers '{capability}' for department {Names(departments)}. An admin can add one: POST /api/v1/grants {{ \"department\": \"...\", \"kind\": \"capability\", \"target\": \"{capability}\" }}.";
        }

        if (anyDeviceGroup || matching.Any(g => g.DeviceGroups.Count == 0))
        {
            return null;
        }

        var allowed = matching.SelectMany(g => g.DeviceGroups).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (deviceGroup is null)
        {
            return $"The grant of '{capability}' for department {Names(departments)} is limited to device groups {string.Join(", ", allowed)}; name one in the input as 'deviceGroup'.";
        }

        return allowed.Contains(deviceGroup, StringComparer.Ordinal)
            ? null
            : $"Department {Names(departments)} may use '{capability}' only for device groups {string.Join(", ", allowed)}, not '{deviceGroup}'. A grant for device group '{deviceGroup}' is missing.";
    }

    /// <summary>
    /// The device groups the capability grants of <paramref name="departments"/> for <paramref name="capability"/> are
    /// narrowed to; null when one of them is not narrowed (every group), empty when none covers the capability.
    /// </summary>
    public IReadOnlySet<string>? VisibleDeviceGroups(IReadOnlyCollection<string> departments, string capability)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var matching = departments.SelectMany(Of).Where(g => g.Kind == GrantKind.Capability && CapabilityPattern.Matches(g.Target, capability)).ToList();
        return matching.Any(g => g.DeviceGroups.Count == 0) ? null : matching.SelectMany(g => g.DeviceGroups).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Null when a stream grant of the department contains the whole topic filter, else what is missing.</summary>
    public string? CheckStream(string department, string topicFilter) => CheckStream([department], topicFilter);

    /// <summary>
    /// Null when a stream grant of one of <paramref name="departments"/> contains the whole topic filter (or topic),
    /// else what is missing.
    /// </summary>
    public string? CheckStream(IReadOnlyCollection<string> departments, string topicFilter)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var covered = departments.SelectMany(Of).Any(g => g.Kind == GrantKind.Stream && TopicFilterContainment.Covers(g.Target, topicFilter));
        if (covered)
        {
            return null;
        }

        var department = departments.Count == 1 ? departments.First() : "...";
        var who = departments.Count == 0 ? "The caller belongs to no department and so" : $"Department {Names(departments)}";
        return $"{who} has no stream grant covering topic filter '{topicFilter}'. An admin can add one: POST /api/v1/grants {{ \"department\": \"{department}\", \"kind\": \"stream\", \"target\": \"{topicFilter}\" }}.";
    }

    private static string Names(IReadOnlyCollection<string> departments) =>
        departments.Count == 1 ? $"'{departments.First()}'" : $"({string.Join(", ", departments.Select(d => $"'{d}'"))})";
}
