namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// One plugin setting set through the API. A secret keeps only <see cref="ProtectedValue"/> (encrypted);
/// a plain value keeps <see cref="Value"/>.
/// </summary>
internal sealed record PluginSettingValue
{
    public required string PluginId { get; init; }

    /// <summary>Configuration key under the plugin's section, ':' separated (<c>Bank:ApiKey</c>).</summary>
    public required string Key { get; init; }
    public string? Value { get; init; }
    public string? ProtectedValue { get; init; }
    public bool IsSecret { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
