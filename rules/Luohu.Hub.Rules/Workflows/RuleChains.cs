namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// <c>EvaluateRule</c> chains of a workflow. RulesEngine follows a chain without a depth limit, so a loop
/// (<c>A</c> evaluates <c>B</c>, which evaluates <c>A</c>) would run until the stack is gone; the hub refuses such a
/// workflow before it runs.
/// </summary>
internal static class RuleChains
{
    /// <summary>The rule that starts a loop of chains and the loop, or null when there is none.</summary>
    public static (string Path, string Loop)? FindLoop(Workflow workflow)
    {
        var rules = new Dictionary<string, (Rule Rule, string Path)>(StringComparer.Ordinal);
        Index(workflow.Rules, "Rules", rules);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in rules.Keys)
        {
            var path = new List<string>();
            if (Visit(name, rules, path, done) is { } loop)
            {
                return (rules[loop[0]].Path, string.Join(" → ", loop));
            }
        }

        return null;
    }

    /// <summary>The rule names an action of <paramref name="rule"/> evaluates next.</summary>
    public static IEnumerable<string> Targets(Rule rule)
    {
        foreach (var action in new[] { rule.Actions?.OnSuccess, rule.Actions?.OnFailure })
        {
            if (string.Equals(action?.Name, "EvaluateRule", StringComparison.Ordinal)
                && WorkflowTranslator.ContextString(action!.Context, "ruleName") is { Length: > 0 } target)
            {
                yield return target;
            }
        }
    }

    private static List<string>? Visit(string name, Dictionary<string, (Rule Rule, string Path)> rules, List<string> path, HashSet<string> done)
    {
        var at = path.IndexOf(name);
        if (at >= 0)
        {
            return [.. path.Skip(at), name];
        }

        if (done.Contains(name) || !rules.TryGetValue(name, out var rule))
        {
            return null;
        }

        path.Add(name);
        foreach (var target in Targets(rule.Rule))
        {
            if (Visit(target, rules, path, done) is { } loop)
            {
                return loop;
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(name);
        return null;
    }

    private static void Index(IReadOnlyList<Rule>? rules, string path, Dictionary<string, (Rule, string)> index)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var rule = rules![i];
            if (rule.RuleName is { } name)
            {
                index.TryAdd(name, (rule, $"{path}[{i}]"));
            }

            Index(rule.Rules, $"{path}[{i}].Rules", index);
        }
    }
}
