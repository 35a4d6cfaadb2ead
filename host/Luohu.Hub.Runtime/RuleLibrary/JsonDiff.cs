using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>
/// The differences between two JSON documents as paths with their values before and after: objects by property (in
/// the later document's order, removed ones last), arrays by position. <c>Rules[0].LocalParams[1].Expression</c>.
/// </summary>
internal static class JsonDiff
{
    public static IReadOnlyList<RuleWorkflowChange> Compare(JsonNode? before, JsonNode? after)
    {
        var changes = new List<RuleWorkflowChange>();
        Walk(before, after, string.Empty, changes);
        return changes;
    }

    private static void Walk(JsonNode? before, JsonNode? after, string path, List<RuleWorkflowChange> changes)
    {
        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var (name, value) in b)
            {
                Walk(a[name], value, Join(path, name), changes);
            }

            foreach (var (name, value) in a)
            {
                if (!b.ContainsKey(name))
                {
                    changes.Add(new RuleWorkflowChange(Join(path, name), value?.DeepClone(), null));
                }
            }

            return;
        }

        if (before is JsonArray x && after is JsonArray y)
        {
            for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
            {
                Walk(i < x.Count ? x[i] : null, i < y.Count ? y[i] : null, $"{path}[{i}]", changes);
            }

            return;
        }

        if (!JsonNode.DeepEquals(before, after))
        {
            changes.Add(new RuleWorkflowChange(path, before?.DeepClone(), after?.DeepClone()));
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
