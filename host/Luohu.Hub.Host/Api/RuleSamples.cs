using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Host.Api;

/// <summary>
/// <c>GET rules/samples</c>: the district's rule workflows the host ships (<c>samples/rules/*.json</c> beside the
/// host) with their sample inputs (<c>*.inputs.json</c>, one named case per property; <c>name.lambda.json</c>, the
/// lambda twin of a JavaScript sample, shares <c>name.inputs.json</c>), for the designer to start
/// from. A file that does not parse is left out rather than failing the list.
/// </summary>
internal static class RuleSamples
{
    private const string InputsSuffix = ".inputs.json";

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static string DefaultFolder { get; } = Path.Combine(AppContext.BaseDirectory, "samples", "rules");

    public static async Task<IReadOnlyList<RuleSample>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var samples = new List<RuleSample>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(InputsSuffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var workflow = await ReadAsync(file, cancellationToken);
            if (workflow is not JsonObject)
            {
                continue;
            }

            // A workflow's twin in the other dialect (name.lambda.json) shares its input cases.
            var inputsFile = file[..^".json".Length].Replace(".lambda", string.Empty, StringComparison.Ordinal) + InputsSuffix;
            var inputs = File.Exists(inputsFile) ? await ReadAsync(inputsFile, cancellationToken) : null;
            samples.Add(new RuleSample(Path.GetFileNameWithoutExtension(file), workflow, inputs as JsonObject));
        }

        return samples;
    }

    private static async Task<JsonNode?> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await File.ReadAllTextAsync(file, cancellationToken), documentOptions: Lenient);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One sample: its file name without extension, the workflow, and its named input cases (null when none).</summary>
    internal sealed record RuleSample(string Name, JsonNode Workflow, JsonObject? Inputs);
}
