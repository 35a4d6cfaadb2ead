using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Runtime.RuleLibrary;

/// <summary>
/// The district's sample workflows, imported and published when the library is empty (first start): the folder's
/// <c>library.json</c> lists each file with its department and its input cases (<c>{ "workflows": [ { "file",
/// "department", "inputs" } ] }</c>).
/// </summary>
internal static class RuleLibrarySamples
{
    public const string Manifest = "library.json";
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Imports every listed sample; returns the names imported and, for each that could not be, why.</summary>
    public static async Task<(IReadOnlyList<string> Imported, IReadOnlyList<string> Failed)> ImportAsync(IRuleLibrary library, string folder, string author, CancellationToken cancellationToken)
    {
        var imported = new List<string>();
        var failed = new List<string>();
        var manifest = Path.Combine(folder, Manifest);
        if (!File.Exists(manifest))
        {
            return (imported, failed);
        }

        var entries = JsonNode.Parse(await File.ReadAllTextAsync(manifest, cancellationToken), documentOptions: Lenient)?["workflows"] as JsonArray ?? [];
        foreach (var entry in entries)
        {
            var file = (string?)entry?["file"];
            var department = (string?)entry?["department"];
            var inputs = (string?)entry?["inputs"];
            if (file is null || department is null)
            {
                failed.Add($"{Manifest}: an entry names no file or no department ({entry?.ToJsonString()})");
                continue;
            }

            try
            {
                var workflow = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, file), cancellationToken), documentOptions: Lenient) as JsonObject;
                var cases = inputs is null ? null : JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, inputs), cancellationToken), documentOptions: Lenient) as JsonObject;
                if (workflow?["WorkflowName"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name))
                {
                    failed.Add($"{file}: not a workflow with a WorkflowName");
                    continue;
                }

                await library.SaveDraftAsync(department, name, workflow, cases, null, create: true, author, cancellationToken);
                await library.PublishAsync(department, name, author, "sample imported at first start", cancellationToken);
                imported.Add($"{department}/{name}");
            }
            catch (Exception ex) when (ex is RuleLibraryException or IOException or JsonException)
            {
                failed.Add($"{file}: {ex.Message}");
            }
        }

        return (imported, failed);
    }
}
