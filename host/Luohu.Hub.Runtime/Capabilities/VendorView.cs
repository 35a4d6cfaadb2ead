namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>A capability several vendors may serve, as ops see it on the Plugins page and <c>GET /api/v1/vendors</c>.</summary>
/// <param name="Capability">The capability id, e.g. <c>ai.classify-complaint</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="Family">The family interface it belongs to, when it is a standard capability.</param>
/// <param name="Providers">The plugins offering it now.</param>
/// <param name="Serving">The plugin that answers now.</param>
/// <param name="Chosen">The serving vendor ops chose, or null for the default.</param>
/// <param name="Shadow">The shadow vendor, or null.</param>
/// <param name="Comparison">The shadow comparison so far, or null without a shadow or before its first call.</param>
internal sealed record VendorView(
    string Capability, string Title, string? Family, IReadOnlyList<string> Providers, string? Serving, string? Chosen, string? Shadow, ShadowView? Comparison);
