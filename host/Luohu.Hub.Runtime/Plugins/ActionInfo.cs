namespace Luohu.Hub.Runtime.Plugins;

/// <summary>What the designer and the catalog show of an action.</summary>
/// <param name="Family">The family interface name for standard capabilities, else null.</param>
/// <param name="ChangesWorld">Calls from flows go through the outbox (recorded before, result after, resumed after a crash).</param>
internal sealed record ActionInfo(string Capability, string Title, string? Description, string? Family, bool Sensitive, bool ChangesWorld = false);
