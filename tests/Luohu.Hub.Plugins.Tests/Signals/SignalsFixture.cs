using Luohu.Hub.Plugins.Signals.Simulation;
using Luohu.Hub.Plugins.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luohu.Hub.Plugins.Tests.Signals;

/// <summary>A signal network on a hand-moved clock.</summary>
internal static class SignalsFixture
{
    public static (SignalNetwork Network, ManualTimeProvider Time) Create(DateTimeOffset start)
    {
        var time = new ManualTimeProvider(start);
        return (new SignalNetwork(time, NullLogger<SignalNetwork>.Instance), time);
    }

    /// <summary>Moves the clock a second at a time, draining changes as the event source would.</summary>
    public static List<PhaseChange> Run(SignalNetwork network, ManualTimeProvider time, int seconds)
    {
        var changes = new List<PhaseChange>();
        for (var i = 0; i < seconds; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            changes.AddRange(network.Advance(time.GetUtcNow()));
        }

        return changes;
    }
}
