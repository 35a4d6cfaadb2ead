using System.Text.Json;

namespace Luohu.Hub.Runtime.Flows;

/// <summary>Compares two versions node by node (by id) and wire by wire, with the config paths that differ.</summary>
internal static class FlowDiffer
{
    public static FlowDiff Diff(int fromVersion, FlowDefinition from, int toVersion, FlowDefinition to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = from.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var after = to.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var changed = new List<FlowNodeChange>();
        foreach (var node in to.Nodes.Where(n => before.ContainsKey(n.Id)))
        {
            var old = before[node.Id];
            var changes = new List<string>();
            if (old.Type != node.Type)
            {
                changes.Add("type");
            }

            if (old.Name != node.Name)
            {
                changes.Add("name");
            }

            if (old.Disabled != node.Disabled)
            {
                changes.Add("disabled");
            }

            CompareJson(old.Config, node.Config, "config", changes);
            if (changes.Count > 0)
            {
                changed.Add(new FlowNodeChange(node.Id, changes));
            }
        }

        var properties = new List<string>();
        if (from.Name != to.Name)
        {
            properties.Add("name");
        }

        if (from.Description != to.Description)
        {
            properties.Add("description");
        }

        if (from.Department != to.Department)
        {
            properties.Add("department");
        }

        return new FlowDiff
        {
            From = fromVersion,
            To = toVersion,
            AddedNodes = [.. to.Nodes.Where(n => !before.ContainsKey(n.Id)).Select(n => n.Id)],
            RemovedNodes = [.. from.Nodes.Where(n => !after.ContainsKey(n.Id)).Select(n => n.Id)],
            ChangedNodes = changed,
            AddedWires = [.. to.Wires.Where(w => !from.Wires.Contains(w))],
            RemovedWires = [.. from.Wires.Where(w => !to.Wires.Contains(w))],
            ChangedProperties = properties,
        };
    }

    private static void CompareJson(JsonElement? a, JsonElement? b, string path, List<string> changes)
    {
        var left = a is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } x ? x : (JsonElement?)null;
        var right = b is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } y ? y : (JsonElement?)null;
        if (left is null && right is null)
        {
            return;
        }

        if (left is null || right is null || left.Value.ValueKind != right.Value.ValueKind)
        {
            changes.Add(path);
            return;
        }

        switch (left.Value.ValueKind)
        {
            case JsonValueKind.Object:
                var names = left.Value.EnumerateObject().Select(p => p.Name)
                    .Union(right.Value.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
                foreach (var name in names)
                {
                    CompareJson(Property(left.Value, name), Property(right.Value, name), $"{path}.{name}", changes);
                }

                break;
            case JsonValueKind.Array:
                var l = left.Value.EnumerateArray().ToList();
                var r = right.Value.EnumerateArray().ToList();
                for (var i = 0; i < Math.Max(l.Count, r.Count); i++)
                {
                    CompareJson(i < l.Count ? l[i] : null, i < r.Count ? r[i] : null, $"{path}[{i}]", changes);
                }

                break;
            default:
                if (!JsonElement.DeepEquals(left.Value, right.Value))
                {
                    changes.Add(path);
                }

                break;
        }
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;
}
