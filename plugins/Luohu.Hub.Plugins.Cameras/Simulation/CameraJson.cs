using System.Text.Json;
using System.Text.Json.Serialization;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Cameras.Simulation;

/// <summary>How detections go on the bus: camel-case JSON with the kind as text (<c>"kind": "honking"</c>), nulls left out.</summary>
internal static class CameraJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string KindName(CameraEventKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
