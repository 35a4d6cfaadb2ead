using Luohu.Hub.Plugins.Water.Model;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Water.Simulation;

/// <summary>
/// The simulated stations. Each relaxes toward what the rain over its subdistrict asks of it (linear reservoirs:
/// water rises in minutes and drains away more slowly), measured with sensor noise. The telemetry misbehaves as real
/// loggers do: a reading now and then never arrives (a gap), a station goes offline for a while, buffers what it
/// measures and sends it all in one burst when it comes back. Hydrology runs <see cref="WaterOptions.TimeScale"/>
/// times faster than the clock (1 = real time), so a demo or a test sees a storm's rise in seconds; timestamps are
/// the clock's. Thread-safe: the event source ticks while actions read.
/// </summary>
internal sealed class WaterSimulation
{
    // Minutes for a station to close about 63% of the gap to its target: levels rise faster than they drain.
    private const double RiseMinutes = 8;
    private const double FallMinutes = 20;
    private const int MaxBufferedReadings = 30;

    private readonly Lock _gate = new();
    private readonly WaterOptions _options;
    private readonly ILogger<WaterSimulation> _logger;
    private readonly Dictionary<string, Station> _byId;
    private readonly double[] _values;
    private readonly DateTimeOffset?[] _offlineUntil;
    private readonly List<WaterReading>?[] _buffers;
    private readonly Random _noise;
    private readonly List<RainEvent> _storms = [];
    private DateTimeOffset _lastTick;
    private DateTimeOffset _hydrologyTime;
    private int _stormCount;

    public WaterSimulation(WaterOptions options, TimeProvider time, ILogger<WaterSimulation> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _logger = logger;
        Stations = StationCatalog.Generate(options.Seed);
        _byId = Stations.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        _values = [.. Stations.Select(s => s.BaseValue)];
        _offlineUntil = new DateTimeOffset?[Stations.Count];
        _buffers = new List<WaterReading>?[Stations.Count];
        _noise = new Random(options.Seed ^ 0x3A7E);
        _lastTick = time.GetUtcNow();
        _hydrologyTime = _lastTick;
        Log.SimulationReady(logger, Stations.Count, options.Seed, options.TimeScale);
    }

    public IReadOnlyList<Station> Stations { get; }

    public Station? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id.Trim());

    public int OfflineCount
    {
        get
        {
            lock (_gate)
            {
                return _offlineUntil.Count(o => o is not null);
            }
        }
    }

    public IReadOnlyList<RainEvent> Storms
    {
        get
        {
            lock (_gate)
            {
                return [.. _storms];
            }
        }
    }

    /// <summary>Starts a storm now; it raises flows and levels over its area for its duration (simulated).</summary>
    public RainEvent StartRain(double peakMmPerHour, TimeSpan duration, string? area)
    {
        lock (_gate)
        {
            return StartRainLocked(peakMmPerHour, duration, area);
        }
    }

    private RainEvent StartRainLocked(double peakMmPerHour, TimeSpan duration, string? area)
    {
        var storm = new RainEvent($"rain-{++_stormCount}", _hydrologyTime, duration, peakMmPerHour, area);
        _storms.Add(storm);
        Log.RainStarted(_logger, storm.Id, peakMmPerHour, duration.TotalMinutes, area ?? "the whole district");
        return storm;
    }

    /// <summary>The rain over an area now, mm/h.</summary>
    public double RainAt(string area)
    {
        lock (_gate)
        {
            return Rain(_hydrologyTime, area);
        }
    }

    /// <summary>A station's current value (what a poll of its logger answers), with its time.</summary>
    public (double Value, DateTimeOffset At) Current(Station station)
    {
        ArgumentNullException.ThrowIfNull(station);
        lock (_gate)
        {
            return (_values[station.Index], DistrictTime.ToLocal(_lastTick));
        }
    }

    /// <summary>Moves to <paramref name="now"/> and returns what the stations send, in the order they send it.</summary>
    public IReadOnlyList<WaterEmission> Tick(DateTimeOffset now)
    {
        lock (_gate)
        {
            var seconds = (now - _lastTick).TotalSeconds;
            if (seconds <= 0)
            {
                return [];
            }

            _lastTick = now;
            var simulated = TimeSpan.FromSeconds(seconds * _options.TimeScale);
            _hydrologyTime += simulated;
            _storms.RemoveAll(s => s.End < _hydrologyTime - TimeSpan.FromHours(1));
            if (_noise.NextDouble() < _options.RainChancePerHour * seconds / 3600)
            {
                var area = _noise.NextDouble() < 0.5 ? null : StationCatalog.AreaNames[_noise.Next(StationCatalog.AreaNames.Count)];
                StartRainLocked(10 + (_noise.NextDouble() * 70), TimeSpan.FromMinutes(30 + (_noise.NextDouble() * 90)), area);
            }

            var stamp = DistrictTime.ToLocal(now);
            var emissions = new List<WaterEmission>(Stations.Count + 8);
            foreach (var station in Stations)
            {
                var rain = Rain(_hydrologyTime, station.Area);
                _values[station.Index] = Relax(station, _values[station.Index], rain, simulated.TotalMinutes);
                Report(station, rain, now, stamp, seconds, emissions);
            }

            return emissions;
        }
    }

    private void Report(Station station, double rain, DateTimeOffset now, DateTimeOffset stamp, double seconds, List<WaterEmission> emissions)
    {
        var reading = Measure(station, rain, stamp);
        if (_offlineUntil[station.Index] is { } until)
        {
            if (now < until)
            {
                var buffer = _buffers[station.Index] ??= [];
                if (buffer.Count < MaxBufferedReadings)
                {
                    buffer.Add(reading with { Buffered = true });
                }

                return;
            }

            // Back: say so, then the logger's buffer in one burst, oldest first, then the current reading.
            var buffered = _buffers[station.Index] ?? [];
            _offlineUntil[station.Index] = null;
            _buffers[station.Index] = null;
            emissions.Add(new WaterEmission(StatusTopic(station), null, new StationStatus(station.Id, true, stamp, buffered.Count)));
            emissions.AddRange(buffered.Select(r => new WaterEmission(ReadingTopic(station), r, null)));
            emissions.Add(new WaterEmission(ReadingTopic(station), reading, null));
            return;
        }

        if (_noise.NextDouble() < _options.OfflineChancePerHour * seconds / 3600)
        {
            var minutes = 0.5 + (_noise.NextDouble() * 9.5);
            _offlineUntil[station.Index] = now.AddMinutes(minutes);
            emissions.Add(new WaterEmission(StatusTopic(station), null, new StationStatus(station.Id, false, stamp)));
            return;
        }

        if (_noise.NextDouble() < _options.GapChance)
        {
            return;
        }

        emissions.Add(new WaterEmission(ReadingTopic(station), reading, null));
    }

    private WaterReading Measure(Station station, double rain, DateTimeOffset stamp)
    {
        var value = _values[station.Index];
        var measured = station.Kind switch
        {
            // A depth gauge reads a few millimetres of spray and puddles even when dry.
            StationKind.Waterlogging => Math.Max(0, value + (Gaussian() * 0.3)),
            StationKind.Quality => Math.Max(0, value * (1 + (Gaussian() * 0.03))),
            _ => Math.Max(0, value * (1 + (Gaussian() * 0.02))),
        };
        var decimals = station.Kind == StationKind.Waterlogging ? 1 : station.Kind == StationKind.Quality ? 1 : 3;
        return new WaterReading(
            station.Id, station.Name, station.NameEn, KindName(station.Kind), station.Measure, Math.Round(measured, decimals), station.Unit,
            station.WarningLine, station.Area, station.Latitude, station.Longitude, Math.Round(rain, 1), stamp);
    }

    private static double Relax(Station station, double value, double rain, double minutes)
    {
        var target = Target(station, rain);
        var tau = target > value ? RiseMinutes : FallMinutes;
        return value + ((target - value) * (1 - Math.Exp(-minutes / tau)));
    }

    /// <summary>Where a station heads under steady rain of <paramref name="rain"/> mm/h.</summary>
    internal static double Target(Station station, double rain) => station.Kind switch
    {
        // Half a centimetre of standing water per mm/h where the drains are overwhelmed: 30 mm/h floods a low spot past 15 cm.
        StationKind.Waterlogging => station.RainResponse * rain * 0.5,
        // Flows reach their warning line (design capacity) at about 50 mm/h for an average catchment.
        StationKind.Outfall or StationKind.StormDrain =>
            station.BaseValue + ((station.WarningLine!.Value - station.BaseValue) * station.RainResponse * rain / 50),
        _ => station.BaseValue + (station.RainResponse * rain * 3),
    };

    private double Rain(DateTimeOffset at, string area)
    {
        var rain = 0.0;
        foreach (var storm in _storms)
        {
            rain = Math.Max(rain, storm.IntensityAt(at, area));
        }

        return rain;
    }

    private double Gaussian()
    {
        // Box–Muller.
        var u = 1 - _noise.NextDouble();
        var v = _noise.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    public static string ReadingTopic(Station station) => $"sensors/water/{station.Id}/{station.TopicLevel}";

    public static string StatusTopic(Station station) => $"sensors/water/{station.Id}/status";

    public static string KindName(StationKind kind) => kind switch
    {
        StationKind.Outfall => "outfall",
        StationKind.StormDrain => "storm-drain",
        StationKind.Waterlogging => "waterlogging",
        _ => "quality",
    };
}
