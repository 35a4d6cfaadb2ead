namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>Which plugin serves a capability, and which one, if any, answers the same calls in shadow.</summary>
/// <param name="Serving">The plugin that answers flows and API callers; null for the default (configured preference, else the first installed).</param>
/// <param name="Shadow">A second plugin sent a copy of each call; its answers never reach the caller, only the comparison.</param>
internal sealed record VendorChoice(string? Serving, string? Shadow)
{
    public static readonly VendorChoice Default = new(null, null);
}
