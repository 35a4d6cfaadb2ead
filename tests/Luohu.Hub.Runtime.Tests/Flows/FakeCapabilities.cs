using System.Collections.Concurrent;
using System.Text.Json;
using Luohu.Hub.Runtime.Capabilities;

namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>A catalog and invoker with hand-written capabilities, recording every call.</summary>
public sealed class FakeCapabilities : ICapabilityCatalog, ICapabilityInvoker
{
    private readonly ConcurrentDictionary<string, Func<JsonElement, JsonElement>> _actions = new();

    internal ConcurrentQueue<(string Capability, JsonElement Input, InvocationContext Context)> Calls { get; } = new();

    internal List<CapabilityDescriptor> EventSources { get; } = [];

    public void AddAction(string capability, Func<JsonElement, JsonElement> handler) => _actions[capability] = handler;

    IReadOnlyList<CapabilityDescriptor> ICapabilityCatalog.List() =>
        [.. _actions.Keys.Select(Describe), .. EventSources];

    CapabilityDescriptor? ICapabilityCatalog.Find(string capability) =>
        _actions.ContainsKey(capability) ? Describe(capability) : EventSources.FirstOrDefault(e => e.Id == capability);

    ValueTask<JsonElement> ICapabilityInvoker.InvokeAsync(string capability, JsonElement input, InvocationContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue((capability, input.Clone(), context));
        if (!_actions.TryGetValue(capability, out var handler))
        {
            throw new CapabilityException(CapabilityErrorKind.NotFound, capability, $"No running plugin offers '{capability}'.");
        }

        return ValueTask.FromResult(handler(input));
    }

    private static CapabilityDescriptor Describe(string id) =>
        new() { Id = id, Kind = ConnectorKind.Action, Title = id, Providers = ["fake"] };
}
