using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Security;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>
/// Capabilities that list devices of several device groups (<c>camera.list</c>). Called without naming a group, a
/// caller whose grants are narrowed to some groups is answered only those groups' devices: the invoker filters the
/// vendor's answer, so no vendor needs to know who asks.
/// </summary>
internal static class DeviceListing
{
    private static readonly Dictionary<string, string> ArrayOf = new(StringComparer.Ordinal)
    {
        [StandardCapabilities.CameraList] = "cameras",
    };

    /// <summary>Whether this call lists devices of every group: a listing capability whose input names no group.</summary>
    public static bool ListsEveryGroup(string capability, JsonElement input) =>
        ArrayOf.ContainsKey(capability) && GrantSet.DeviceGroupOf(input) is null;

    /// <summary>The answer with only the devices whose <c>deviceGroup</c> is one of <paramref name="visible"/>.</summary>
    public static JsonElement Narrow(string capability, JsonElement output, IReadOnlySet<string> visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        if (!ArrayOf.TryGetValue(capability, out var field) || JsonNode.Parse(output.GetRawText()) is not JsonObject answer
            || answer[field] is not JsonArray devices)
        {
            return output;
        }

        foreach (var device in devices.ToArray())
        {
            if (device?["deviceGroup"] is not JsonValue group || !group.TryGetValue<string>(out var name) || !visible.Contains(name))
            {
                devices.Remove(device);
            }
        }

        return JsonSerializer.SerializeToElement(answer);
    }
}
