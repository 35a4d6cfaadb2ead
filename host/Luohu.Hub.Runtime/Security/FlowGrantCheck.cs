using System.Text.Json;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// Action nodes need a capability grant of the flow's department; <c>trigger.topic</c> and <c>trigger.plugin</c>
/// need a stream grant containing their topic filter (a plugin trigger without its own filter uses the event
/// source's topics, or else its capability grant); <c>publish</c> needs a stream grant containing its topic, each
/// level holding a <c>{{placeholder}}</c> counted as <c>+</c>. Device groups are checked on each call, not here: they are in
/// the message, not the flow.
/// </summary>
internal sealed class FlowGrantCheck(IGrantCache grants, IServiceProvider services) : IFlowGrantCheck
{
    public IEnumerable<FlowProblem> Check(FlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (string.IsNullOrWhiteSpace(flow.Department))
        {
            yield break;
        }

        var set = grants.Current;
        foreach (var node in flow.Nodes ?? [])
        {
            if (node is null || node.Disabled || string.IsNullOrWhiteSpace(node.Id))
            {
                continue;
            }

            var missing = node.Type switch
            {
                "action" when Text(node, "capability") is { } capability => Missing(set, flow.Department, capability, topicFilter: null),
                "trigger.topic" when Text(node, "topic") is { } topic => set.CheckStream(flow.Department, topic),
                "trigger.plugin" when Text(node, "capability") is { } capability => CheckPluginTrigger(set, flow.Department, capability, Text(node, "topic")),
                "publish" when Text(node, "topic") is { } topic => set.CheckStream(flow.Department, AsFilter(topic)),
                _ => null,
            };
            if (missing is not null)
            {
                yield return new FlowProblem($"nodes[{node.Id}].config", $"Node '{node.Id}': {missing}") { NodeId = node.Id };
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="department"/> may use <paramref name="capability"/> in a flow, checked as the nodes are:
    /// an action by its capability grant, an event source by a stream grant on its topics (else its capability grant).
    /// The designer's palette offers only these.
    /// </summary>
    internal static bool Allows(GrantSet set, string department, CapabilityDescriptor capability)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(capability);
        return Missing(set, department, capability.Id, capability.Kind == ConnectorKind.EventSource ? capability.Topics : null) is null;
    }

    private string? CheckPluginTrigger(GrantSet set, string department, string capability, string? topic) =>
        Missing(set, department, capability, topic ?? services.GetService<ICapabilityCatalog>()?.Find(capability)?.Topics);

    /// <summary>What the department lacks to use a connector: a stream grant on its topics when it has any, else its capability grant.</summary>
    private static string? Missing(GrantSet set, string department, string capability, string? topicFilter) =>
        topicFilter is not null
            ? set.CheckStream(department, topicFilter)
            : set.CheckCapability([department], capability, deviceGroup: null, anyDeviceGroup: true);

    /// <summary><c>district/parking/{{payload.lot}}/status</c> → <c>district/parking/+/status</c>.</summary>
    internal static string AsFilter(string topicTemplate) =>
        string.Join('/', topicTemplate.Split('/').Select(level => level.Contains("{{", StringComparison.Ordinal) ? "+" : level));

    private static string? Text(FlowNode node, string name) =>
        node.Config is { ValueKind: JsonValueKind.Object } config && config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
