using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>A node type as the designer's palette sees it (<c>GET /api/v1/flows/node-types</c>).</summary>
/// <param name="Ports">Output ports for the default config; switch and script compute theirs from the config.</param>
internal sealed record NodeTypeDescriptor(
    string Type,
    string Category,
    string Title,
    string Description,
    bool IsTrigger,
    IReadOnlyList<string> Ports,
    JsonObject ConfigSchema);
