using System.Text.Json;
using System.Text.RegularExpressions;
using Luohu.Hub.Sdk;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Reads <c>plugin.json</c> and checks every field, so a vendor learns every mistake at once.</summary>
internal static partial class PluginManifestReader
{
    public const string FileName = "plugin.json";

    /// <summary>The largest plugin.json read: a manifest is a few hundred bytes; anything near this is not one.</summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>
    /// The longest each field may be, in characters. The manifest's fields are shown in every plugin list, audit entry
    /// and log line: a 20 MiB name made one plugin list 21 MB. Generous for any real plugin, small for a page.
    /// </summary>
    private static readonly Dictionary<string, int> MaxLengths = new(StringComparer.Ordinal)
    {
        ["id"] = 100, ["name"] = 200, ["vendor"] = 200, ["version"] = 64, ["sdk"] = 64,
        ["assembly"] = 255, ["entryType"] = 512, ["description"] = 2000, ["isolation"] = 32,
    };

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        RespectRequiredConstructorParameters = false,
    };

    public static PluginManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw Invalid($"The package has no {FileName} at its root. Put plugin.json (id, name, vendor, version, sdk, assembly, entryType) next to the plugin's assembly.");
        }

        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw Invalid($"{FileName} is {length:N0} bytes; a manifest may be at most {MaxFileBytes:N0}. Keep it to the plugin's id, name, vendor, version, sdk, assembly, entryType and a short description.");
        }

        return Parse(File.ReadAllBytes(path));
    }

    public static PluginManifest Parse(ReadOnlySpan<byte> json)
    {
        using var document = ParseDocument(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{FileName} must be a JSON object, but it is {document.RootElement.ValueKind}.");
        }

        var root = document.RootElement;
        var problems = new List<string>();
        var missing = RequiredFields.Where(f => !root.TryGetProperty(f, out var v) || v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing or empty required field(s): {string.Join(", ", missing)}");
        }

        var tooLong = MaxLengths
            .Where(f => root.TryGetProperty(f.Key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > f.Value)
            .Select(f => $"'{f.Key}' is {root.GetProperty(f.Key).GetString()!.Length:N0} characters, at most {f.Value:N0} allowed")
            .ToList();
        if (tooLong.Count > 0)
        {
            // Reported alone, and without the field's text: echoing it back would be the very thing the limit prevents.
            throw Invalid($"{FileName} is invalid: {string.Join("; ", tooLong)}.");
        }

        string Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty;

        var id = Field("id");
        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            problems.Add($"id '{id}' is invalid: use lower-case letters and digits separated by single dots or dashes, e.g. 'acme.parking'");
        }

        var version = Field("version");
        if (version.Length > 0 && !SemVerPattern().IsMatch(version))
        {
            problems.Add($"version '{version}' is not a semantic version such as 1.2.0");
        }

        var sdk = Field("sdk");
        if (sdk.Length > 0)
        {
            if (!SdkVersionRange.TryParse(sdk, out var range))
            {
                problems.Add($"sdk '{sdk}' is not a version range: write e.g. '[1.0,2.0)', '(1.0,)', '[1.0]' or a minimum '1.0'");
            }
            else if (!range!.Includes(new Version(SdkInfo.Version)))
            {
                problems.Add($"sdk range '{sdk}' does not include this hub's SDK {SdkInfo.Version}: rebuild the plugin against SDK {SdkInfo.Version} and widen the range");
            }
        }

        var assembly = Field("assembly");
        if (assembly.Length > 0 && (Path.GetFileName(assembly) != assembly || !assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"assembly '{assembly}' must be a .dll file name in the plugin's folder, without a path");
        }

        var isolation = Field("isolation");
        if (root.TryGetProperty("isolation", out _) && !PluginIsolation.IsKnown(isolation))
        {
            problems.Add($"isolation '{isolation}' is unknown: use \"{PluginIsolation.InProcess}\" or \"{PluginIsolation.Process}\"");
        }

        if (problems.Count > 0)
        {
            throw Invalid($"{FileName} is invalid{(id.Length > 0 ? $" (plugin '{id}')" : string.Empty)}: {string.Join("; ", problems)}.");
        }

        return root.Deserialize<PluginManifest>(ManifestJson)!;
    }

    private static JsonDocument ParseDocument(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw Invalid($"{FileName} is not valid JSON at line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}", ex);
        }
    }

    private static readonly string[] RequiredFields = ["id", "name", "vendor", "version", "sdk", "assembly", "entryType"];

    private static PluginOperationException Invalid(string message, Exception? inner = null) =>
        new(PluginErrorKind.InvalidPackage, message, inner);

    [GeneratedRegex("^[a-z0-9]+([.-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVerPattern();
}
