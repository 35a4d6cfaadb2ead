using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

/// <summary>The shipped sample workflows (<c>samples/rules</c>) and their input cases.</summary>
public static class Samples
{
    public static string Folder => Path.Combine(RepoPaths.Root, "samples", "rules");

    public static Workflow Load(string name) => WorkflowJson.Parse(File.ReadAllText(Path.Combine(Folder, $"{name}.json")));

    /// <summary>The input cases of a sample: pass… cases succeed, fail… cases do not.</summary>
    public static IEnumerable<(string Name, Dictionary<string, JsonNode?> Inputs)> Cases(string sample)
    {
        foreach (var (name, inputs) in JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, $"{sample}.inputs.json")))!.AsObject())
        {
            yield return (name, Workflows.Inputs(inputs!.ToJsonString()));
        }
    }
}
