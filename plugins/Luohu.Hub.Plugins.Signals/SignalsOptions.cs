using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Luohu.Hub.Plugins.Signals;

/// <summary>The plugin's configuration section (<c>Hub:Plugins:luohu.signals</c>).</summary>
internal sealed class SignalsOptions
{
    /// <summary>
    /// Milliseconds between checks of the state-change event source. Default 1000; at least 50. Event
    /// timestamps are the exact phase boundaries whatever the tick; the tick only bounds how late they arrive.
    /// </summary>
    public int TickMilliseconds { get; init; } = 1000;

    public static SignalsOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[nameof(TickMilliseconds)];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SignalsOptions();
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var tick) || tick < 50)
        {
            throw new InvalidOperationException(
                $"Signals plugin setting 'TickMilliseconds' is '{text}', which is not a whole number of at least 50. " +
                "Fix Hub:Plugins:luohu.signals:TickMilliseconds or remove it to use the default 1000.");
        }

        return new SignalsOptions { TickMilliseconds = tick };
    }
}
