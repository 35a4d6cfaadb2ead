using System.Text.Json;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>
/// When two vendors' answers count as the same: what a flow acts on, not every digit of a score. A complaint goes to the
/// same department; a face match names the same best candidate (or both find none); anything else compares whole.
/// </summary>
internal static class AnswerAgreement
{
    public static bool Agree(string capability, JsonElement a, JsonElement b) => capability switch
    {
        StandardCapabilities.AiClassifyComplaint => Text(a, "department") == Text(b, "department"),
        StandardCapabilities.AiMatchFace => BestMatch(a) == BestMatch(b),
        _ => JsonElement.DeepEquals(a, b),
    };

    public static string Describe(string capability) => capability switch
    {
        StandardCapabilities.AiClassifyComplaint => "the same department",
        StandardCapabilities.AiMatchFace => "the same best candidate, or no match from both",
        _ => "the same answer, field by field",
    };

    private static string? Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? BestMatch(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("matches", out var m) && m.ValueKind == JsonValueKind.Array && m.GetArrayLength() > 0
            ? Text(m[0], "subjectId")
            : null;
}
