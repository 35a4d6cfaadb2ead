namespace Luohu.Hub.Host.Security;

/// <summary>What <c>GET /api/v1/plugins/{id}/settings</c> shows: plain values, and only the names of the secrets set.</summary>
internal sealed record PluginSettingsView(string PluginId, IReadOnlyDictionary<string, string?> Values, IReadOnlyList<string> Secrets)
{
    /// <summary>True when a PUT reloaded the running plugin with the new settings.</summary>
    public bool Reloaded { get; init; }
}
