namespace Luohu.Hub.Runtime.Plugins;

/// <summary>What the designer and the catalog show of an action.</summary>
/// <param name="Family">The family interface name for standard capabilities, else null.</param>
internal sealed record ActionInfo(string Capability, string Title, string? Description, string? Family, bool Sensitive);
