namespace Luohu.Hub.Host.Api;

/// <summary>Limits of the HTTP API, bound from <c>Hub:Api</c>.</summary>
internal sealed class ApiOptions
{
    public const string SectionName = "Hub:Api";

    /// <summary>The largest plugin package accepted by an upload. Default 64 MiB.</summary>
    public long MaxPluginPackageBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The largest JSON body accepted by the API. Default 4 MiB.</summary>
    public long MaxJsonBodyBytes { get; set; } = 4L * 1024 * 1024;
}
