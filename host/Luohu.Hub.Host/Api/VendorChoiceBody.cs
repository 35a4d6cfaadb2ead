namespace Luohu.Hub.Host.Api;

/// <summary>Body of <c>PUT /api/v1/vendors/{capability}</c>.</summary>
/// <param name="Serving">The plugin that serves the capability; null for the default.</param>
/// <param name="Shadow">The plugin sent the same calls in shadow; null for none.</param>
internal sealed record VendorChoiceBody(string? Serving, string? Shadow);
