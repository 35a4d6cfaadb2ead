using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Luohu.Hub.Plugins.AiWutong;

/// <summary>The plugin's configuration section (<c>Hub:Plugins:wutong.ai</c>).</summary>
internal sealed class WutongOptions
{
    /// <summary>A file of labelled complaints (<c>department&lt;TAB&gt;text</c>) to train on instead of the district's shipped set. Default none.</summary>
    public string? TrainingSetPath { get; init; }

    /// <summary>The simulated round trip to the vendor's cloud, milliseconds per call. Default 25; 0 for none.</summary>
    public int NetworkMilliseconds { get; init; } = 25;

    public static WutongOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var extra = configuration[nameof(NetworkMilliseconds)];
        var latency = 25;
        if (!string.IsNullOrWhiteSpace(extra)
            && (!int.TryParse(extra, NumberStyles.Integer, CultureInfo.InvariantCulture, out latency) || latency is < 0 or > 10_000))
        {
            throw new InvalidOperationException(
                $"Wutong setting 'NetworkMilliseconds' is '{extra}', which is not a whole number from 0 to 10000. Fix Hub:Plugins:wutong.ai:NetworkMilliseconds or remove it to use the default 25.");
        }

        var path = configuration[nameof(TrainingSetPath)];
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Wutong setting 'TrainingSetPath' names '{path}', which does not exist. Fix Hub:Plugins:wutong.ai:TrainingSetPath or remove it to train on the district's set.");
        }

        return new WutongOptions { TrainingSetPath = string.IsNullOrWhiteSpace(path) ? null : path, NetworkMilliseconds = latency };
    }
}
