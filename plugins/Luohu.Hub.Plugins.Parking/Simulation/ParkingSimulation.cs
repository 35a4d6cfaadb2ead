using Luohu.Hub.Plugins.Parking.Model;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Parking.Simulation;

/// <summary>
/// The simulated car parks. Each lot drifts toward the occupancy its kind has at the current district time,
/// a few spaces per tick, with a little churn of cars coming and going. Time comes only from the instants
/// passed to <see cref="Advance"/>, so a test can run a week in milliseconds. Thread-safe: the event source
/// ticks while actions read.
/// </summary>
internal sealed class ParkingSimulation
{
    // A lot closes about 63% of the gap to its target in five minutes: fast enough to follow a rush hour,
    // slow enough that one tick moves only a few spaces.
    private const double RelaxSeconds = 300;
    private const double ChurnPerSecond = 0.002;

    private readonly Lock _gate = new();
    private readonly IReadOnlyList<CarPark> _lots;
    private readonly Dictionary<string, CarPark> _byId;
    private readonly int[] _free;
    private readonly DateTimeOffset[] _updatedAt;
    private readonly Random _noise;
    private DateTimeOffset _lastTick;

    public ParkingSimulation(ParkingOptions options, TimeProvider time, ILogger<ParkingSimulation> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _lots = CarParkCatalog.Generate(options.Seed);
        _byId = _lots.ToDictionary(l => l.Id, StringComparer.OrdinalIgnoreCase);
        _noise = new Random(options.Seed ^ 0x5EED);
        _lastTick = time.GetUtcNow();
        _free = _lots.Select(l => l.Capacity - OccupancyModel.TargetOccupied(l, _lastTick)).ToArray();
        _updatedAt = Enumerable.Repeat(_lastTick, _lots.Count).ToArray();
        var spaces = _lots.Sum(l => l.Capacity);
        Log.SimulationReady(logger, _lots.Count, spaces, options.Seed);
    }

    public IReadOnlyList<CarPark> Lots => _lots;

    public DateTimeOffset LastTick
    {
        get
        {
            lock (_gate)
            {
                return _lastTick;
            }
        }
    }

    public CarPark? Find(string? lotId) => lotId is null ? null : _byId.GetValueOrDefault(lotId.Trim());

    /// <summary>Moves the simulation to <paramref name="now"/>; returns the indexes of the lots whose free count changed.</summary>
    public IReadOnlyList<int> Advance(DateTimeOffset now)
    {
        lock (_gate)
        {
            var seconds = (now - _lastTick).TotalSeconds;
            if (seconds <= 0)
            {
                return [];
            }

            var pull = 1 - Math.Exp(-seconds / RelaxSeconds);
            var changed = new List<int>();
            foreach (var lot in _lots)
            {
                var occupied = lot.Capacity - _free[lot.Index];
                var gap = OccupancyModel.TargetOccupied(lot, now) - occupied;
                var churn = ((_noise.NextDouble() * 2) - 1) * lot.Capacity * ChurnPerSecond * Math.Sqrt(seconds);
                var maxStep = Math.Max(3, (int)Math.Ceiling(lot.Capacity * 0.01 * seconds));
                var step = Math.Clamp(RoundRandomly((gap * pull) + churn), -maxStep, maxStep);
                var next = Math.Clamp(occupied + step, 0, lot.Capacity);
                if (next != occupied)
                {
                    _free[lot.Index] = lot.Capacity - next;
                    _updatedAt[lot.Index] = now;
                    changed.Add(lot.Index);
                }
            }

            _lastTick = now;
            return changed;
        }
    }

    public CarParkState GetState(int index)
    {
        lock (_gate)
        {
            return StateOf(_lots[index]);
        }
    }

    public IReadOnlyList<CarParkState> Snapshot(Func<CarPark, bool>? filter = null)
    {
        lock (_gate)
        {
            return _lots.Where(l => filter is null || filter(l)).Select(StateOf).ToArray();
        }
    }

    private CarParkState StateOf(CarPark lot)
    {
        var free = _free[lot.Index];
        return new CarParkState(
            lot.Id, lot.Name, lot.NameEn, lot.Area, lot.Kind, lot.Capacity, free, lot.Capacity - free,
            CarParkStatus.Of(free, lot.Capacity), lot.Latitude, lot.Longitude,
            DistrictTime.ToLocal(_lastTick), DistrictTime.ToLocal(_updatedAt[lot.Index]));
    }

    // Rounds 0.3 up three times in ten, so many small per-second drifts still add up to the right movement.
    private int RoundRandomly(double value)
    {
        var floor = Math.Floor(value);
        return (int)floor + (_noise.NextDouble() < value - floor ? 1 : 0);
    }
}
