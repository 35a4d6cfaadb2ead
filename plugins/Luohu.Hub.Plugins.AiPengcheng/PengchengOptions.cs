using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Luohu.Hub.Plugins.AiPengcheng;

/// <summary>The plugin's configuration section (<c>Hub:Plugins:pengcheng.ai</c>).</summary>
internal sealed class PengchengOptions
{
    /// <summary>A file of labelled complaints (<c>department&lt;TAB&gt;text</c>) to train on instead of the district's shipped set. Default none.</summary>
    public string? TrainingSetPath { get; init; }

    /// <summary>Extra milliseconds per call, to play a slower box in drills. Default 0.</summary>
    public int ExtraLatencyMilliseconds { get; init; }

    public static PengchengOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var extra = configuration[nameof(ExtraLatencyMilliseconds)];
        var latency = 0;
        if (!string.IsNullOrWhiteSpace(extra)
            && (!int.TryParse(extra, NumberStyles.Integer, CultureInfo.InvariantCulture, out latency) || latency is < 0 or > 10_000))
        {
            throw new InvalidOperationException(
                $"Pengcheng AI setting 'ExtraLatencyMilliseconds' is '{extra}', which is not a whole number from 0 to 10000. Fix Hub:Plugins:pengcheng.ai:ExtraLatencyMilliseconds or remove it.");
        }

        var path = configuration[nameof(TrainingSetPath)];
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Pengcheng AI setting 'TrainingSetPath' names '{path}', which does not exist. Fix Hub:Plugins:pengcheng.ai:TrainingSetPath or remove it to train on the district's set.");
        }

        return new PengchengOptions { TrainingSetPath = string.IsNullOrWhiteSpace(path) ? null : path, ExtraLatencyMilliseconds = latency };
    }
}
