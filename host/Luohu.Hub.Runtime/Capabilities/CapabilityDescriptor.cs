using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>A capability the hub offers today, with the plugins that serve it.</summary>
internal sealed record CapabilityDescriptor
{
    public required string Id { get; init; }
    public required ConnectorKind Kind { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The family interface name for standard capabilities (<c>ISignalController</c>), else null.</summary>
    public string? Family { get; init; }

    /// <summary>Whether each call is audited (credit, faces).</summary>
    public bool Sensitive { get; init; }

    /// <summary>Whether a call changes the world (moves money): flows call it through the outbox.</summary>
    public bool ChangesWorld { get; init; }

    /// <summary>JSON schema of the input (actions).</summary>
    public JsonNode? InputSchema { get; init; }

    /// <summary>JSON schema of the output (actions).</summary>
    public JsonNode? OutputSchema { get; init; }

    /// <summary>Topic filter of the events (event sources).</summary>
    public string? Topics { get; init; }

    /// <summary>Plugin ids serving it, the one that answers first.</summary>
    public required IReadOnlyList<string> Providers { get; init; }
}
