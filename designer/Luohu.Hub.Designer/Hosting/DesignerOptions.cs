namespace Luohu.Hub.Designer.Hosting;

/// <summary>Settings of the designer (<c>Hub:Designer</c>).</summary>
internal sealed class DesignerOptions
{
    public const string SectionName = "Hub:Designer";

    /// <summary>
    /// Largest message a browser may send on the designer's circuit. Default 1 MiB: SignalR's 32 KB default breaks
    /// as soon as a flow of a few dozen nodes is sent back from the canvas (Elsa's Blazor Server studio failed at 14).
    /// </summary>
    public long MaximumReceiveMessageSize { get; set; } = 1024 * 1024;

    /// <summary>How often the open Flows page re-reads its numbers (messages/min, errors). Default 5 s. (The Plugins page polls the API itself.)</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
