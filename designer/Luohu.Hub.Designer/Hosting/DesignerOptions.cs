namespace Luohu.Hub.Designer.Hosting;

/// <summary>Settings of the designer (<c>Hub:Designer</c>).</summary>
internal sealed class DesignerOptions
{
    public const string SectionName = "Hub:Designer";

    /// <summary>How often the open Flows and Plugins pages re-read their numbers (messages/min, error rate, latency). Default 5 s.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
