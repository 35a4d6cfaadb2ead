using Luohu.Hub.Plugins.Cameras.Model;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Cameras.Simulation;

/// <summary>
/// The simulated cameras. Each detects at its own random moments (about <see cref="CamerasOptions.DetectionsPerCameraPerMinute"/>)
/// what its place sees (<see cref="StreetLife"/>), with a snapshot reference. The feed misbehaves as real ones do: a
/// detection now and then is lost (a gap), some are false at low confidence (noise), and a camera goes offline for a
/// while and comes back saying how many detections it missed. Scenes staged through <c>camera.simulate</c> go out on
/// the next tick, first. Thread-safe: the event source ticks while actions stage scenes and take snapshots.
/// </summary>
internal sealed class CameraSimulation
{
    private const string SnapshotHost = "https://vms.luohu-vision.example/snapshots/";

    private readonly Lock _gate = new();
    private readonly CamerasOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<CameraSimulation> _logger;
    private readonly Dictionary<string, Camera> _byId;
    private readonly DateTimeOffset?[] _offlineUntil;
    private readonly int[] _missed;
    private readonly Random _random;
    private readonly StreetLife _street;
    private readonly List<CameraEmission> _staged = [];
    private TaskCompletionSource _sceneStaged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset _lastTick;
    private long _lost;

    public CameraSimulation(CamerasOptions options, TimeProvider time, ILogger<CameraSimulation> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _logger = logger;
        Cameras = CameraCatalog.Create();
        _byId = Cameras.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);
        _offlineUntil = new DateTimeOffset?[Cameras.Count];
        _missed = new int[Cameras.Count];
        _random = new Random(options.Seed);
        _street = new StreetLife(_random);
        _lastTick = time.GetUtcNow();
        Log.SimulationReady(logger, Cameras.Count, DeviceGroups.All.Count, options.Seed, options.DetectionsPerCameraPerMinute);
    }

    public IReadOnlyList<Camera> Cameras { get; }

    /// <summary>Detections lost on their way since the start (gaps), for the health check.</summary>
    public long Lost
    {
        get
        {
            lock (_gate)
            {
                return _lost;
            }
        }
    }

    public Camera? Find(string? id) => id is null ? null : _byId.GetValueOrDefault(id.Trim());

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

    /// <summary>When the camera comes back, or null while it is online.</summary>
    public DateTimeOffset? OfflineUntil(Camera camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        lock (_gate)
        {
            return _offlineUntil[camera.Index];
        }
    }

    /// <summary>Completes when a scene is staged; the event source waits on it beside its tick.</summary>
    public Task SceneStaged
    {
        get
        {
            lock (_gate)
            {
                return _sceneStaged.Task;
            }
        }
    }

    /// <summary>Stages a detection at an online camera now; it goes out first on the next tick. Null when the camera is offline.</summary>
    public CameraEvent? Stage(Camera camera, CameraEventKind kind, PersonAttributes? person, string? plate, double? soundLevelDb)
    {
        ArgumentNullException.ThrowIfNull(camera);
        CameraEvent detection;
        lock (_gate)
        {
            if (_offlineUntil[camera.Index] is not null)
            {
                return null;
            }

            var at = DistrictTime.ToLocal(_time.GetUtcNow());
            detection = new CameraEvent(
                camera.Id, camera.Group, kind, at, 0.97,
                FaceId: kind == CameraEventKind.Face ? _street.FaceId() : null,
                Person: kind == CameraEventKind.Person ? person ?? new PersonAttributes(false, false, false, false) : null,
                Plate: kind is CameraEventKind.Plate or CameraEventKind.Honking ? plate ?? _street.Plate() : null,
                SoundLevelDb: kind == CameraEventKind.Honking ? soundLevelDb ?? _street.HornLevelDb() : null,
                Snapshot: Snapshot(camera, at));
            _staged.Add(new CameraEmission(DetectionTopic(camera, kind), detection, null));
            _sceneStaged.TrySetResult();
        }

        Log.SceneStaged(_logger, camera.Id, kind);
        return detection;
    }

    /// <summary>Moves to <paramref name="now"/> and returns what the cameras send, staged scenes first.</summary>
    public IReadOnlyList<CameraEmission> Tick(DateTimeOffset now)
    {
        lock (_gate)
        {
            var emissions = new List<CameraEmission>(_staged);
            _staged.Clear();
            if (_sceneStaged.Task.IsCompleted)
            {
                _sceneStaged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            var seconds = (now - _lastTick).TotalSeconds;
            if (seconds <= 0)
            {
                return emissions;
            }

            _lastTick = now;
            var stamp = DistrictTime.ToLocal(now);
            foreach (var camera in Cameras)
            {
                Report(camera, now, stamp, seconds, emissions);
            }

            return emissions;
        }
    }

    /// <summary>A reference to a snapshot of the camera at <paramref name="at"/> (never the image).</summary>
    public static SnapshotReference Snapshot(Camera camera, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var local = DistrictTime.ToLocal(at);
        return new SnapshotReference(camera.Id, new Uri($"{SnapshotHost}{camera.Group}/{camera.Id}/{local:yyyyMMdd'T'HHmmssfff}.jpg"), "image/jpeg", local);
    }

    public static string DetectionTopic(Camera camera, CameraEventKind kind) => $"cameras/{camera.Group}/{camera.Id}/{CameraJson.KindName(kind)}";

    public static string StatusTopic(Camera camera) => $"cameras/{camera.Group}/{camera.Id}/status";

    private void Report(Camera camera, DateTimeOffset now, DateTimeOffset stamp, double seconds, List<CameraEmission> emissions)
    {
        var detections = Detections(seconds);
        if (_offlineUntil[camera.Index] is { } until)
        {
            if (now < until)
            {
                _missed[camera.Index] += detections;
                return;
            }

            _offlineUntil[camera.Index] = null;
            emissions.Add(new CameraEmission(StatusTopic(camera), null, new CameraStatus(camera.Id, camera.Group, true, stamp, _missed[camera.Index])));
            _missed[camera.Index] = 0;
        }
        else if (_random.NextDouble() < _options.OfflineChancePerHour * seconds / 3600)
        {
            _offlineUntil[camera.Index] = now.AddMinutes(1 + (_random.NextDouble() * 14));
            emissions.Add(new CameraEmission(StatusTopic(camera), null, new CameraStatus(camera.Id, camera.Group, false, stamp)));
            return;
        }

        for (var i = 0; i < detections; i++)
        {
            if (_random.NextDouble() < _options.GapChance)
            {
                _lost++;
                continue;
            }

            var detection = Detect(camera, stamp, noise: _random.NextDouble() < _options.NoiseChance);
            emissions.Add(new CameraEmission(DetectionTopic(camera, detection.Kind), detection, null));
        }
    }

    /// <summary>How many detections fall in <paramref name="seconds"/>: the expected count, its fraction by chance.</summary>
    private int Detections(double seconds)
    {
        var expected = _options.DetectionsPerCameraPerMinute * seconds / 60;
        var whole = (int)Math.Floor(expected);
        return whole + (_random.NextDouble() < expected - whole ? 1 : 0);
    }

    private CameraEvent Detect(Camera camera, DateTimeOffset stamp, bool noise)
    {
        var kind = _street.KindAt(camera);
        var confidence = noise ? _street.NoiseConfidence() : _street.Confidence();
        return new CameraEvent(
            camera.Id, camera.Group, kind, stamp, confidence,
            FaceId: kind == CameraEventKind.Face ? _street.FaceId() : null,
            Person: kind == CameraEventKind.Person ? _street.PersonAt(camera) : null,
            Plate: kind is CameraEventKind.Plate or CameraEventKind.Honking ? _street.Plate() : null,
            SoundLevelDb: kind == CameraEventKind.Honking ? _street.HornLevelDb() : null,
            Snapshot: Snapshot(camera, stamp));
    }
}
