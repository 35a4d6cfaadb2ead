using Luohu.Hub.Plugins.Signals.Model;
using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.Signals.Simulation;

/// <summary>
/// The simulated controllers of the district, behind the unified <see cref="ISignalController"/>. Every
/// call first runs the network forward to the current time, so answers are current whether or not the
/// event source is running. Changes wait in a bounded queue until the event source drains them with
/// <see cref="Advance"/>. Thread-safe: one lock, held only for in-memory work.
/// </summary>
internal sealed class SignalNetwork : ISignalController
{
    private const int MaxPendingChanges = 1024;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly ILogger<SignalNetwork> _logger;
    private readonly Dictionary<string, IntersectionRuntime> _byId;
    private readonly List<PhaseChange> _pending = [];
    private DateTimeOffset _lastTick;
    private bool _dropReported;

    public SignalNetwork(TimeProvider time, ILogger<SignalNetwork> logger)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _logger = logger;
        _lastTick = time.GetUtcNow();
        Intersections = IntersectionCatalog.Create();
        _byId = Intersections
            .Select((intersection, position) => new IntersectionRuntime(intersection, position, _lastTick))
            .ToDictionary(r => r.Intersection.Id, StringComparer.OrdinalIgnoreCase);
        Log.NetworkReady(logger, Intersections.Count);
    }

    public IReadOnlyList<Intersection> Intersections { get; }

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

    /// <summary>Runs every controller to <paramref name="now"/> and hands over the changes not yet taken.</summary>
    public IReadOnlyList<PhaseChange> Advance(DateTimeOffset now)
    {
        lock (_gate)
        {
            AdvanceAll(now);
            var changes = _pending.ToArray();
            _pending.Clear();
            _dropReported = false;
            return changes;
        }
    }

    public int CountOverrides()
    {
        lock (_gate)
        {
            AdvanceAll(_time.GetUtcNow());
            return _byId.Values.Count(r => r.HeldUntil is not null);
        }
    }

    public ValueTask<IntersectionState> GetStateAsync(IntersectionStateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runtime = Find(request.IntersectionId);
        lock (_gate)
        {
            AdvanceAll(_time.GetUtcNow());
            return ValueTask.FromResult(StateOf(runtime));
        }
    }

    public ValueTask<SetPhaseResult> SetPhaseAsync(SetPhaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runtime = Find(request.IntersectionId);
        var intersection = runtime.Intersection;
        var phaseIndex = intersection.PhaseIndex(request.PhaseId);
        if (phaseIndex < 0)
        {
            throw new CapabilityInputException("phaseId",
                $"Intersection {intersection.Id} has no phase '{request.PhaseId}'. Its phases: {string.Join(", ", intersection.Phases.Select(p => p.PhaseId))}.");
        }

        var phase = intersection.Phases[phaseIndex];
        if (request.DurationSeconds < phase.MinGreenSeconds || request.DurationSeconds > phase.MaxGreenSeconds)
        {
            throw new CapabilityInputException("durationSeconds",
                $"Phase {phase.PhaseId} at {intersection.Id} can be held for {phase.MinGreenSeconds} to {phase.MaxGreenSeconds} seconds; " +
                $"{request.DurationSeconds} is outside that range.");
        }

        DateTimeOffset heldUntil;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            AdvanceAll(now);
            heldUntil = now + TimeSpan.FromSeconds(request.DurationSeconds);
            runtime.Hold(phaseIndex, now, heldUntil, _pending);
            TrimPending();
        }

        Log.PhaseHeld(_logger, intersection.Id, phase.PhaseId, heldUntil, request.Reason ?? "no reason given");
        return ValueTask.FromResult(new SetPhaseResult(intersection.Id, phase.PhaseId, DistrictTime.ToLocal(heldUntil)));
    }

    public ValueTask<RunTimingPlanResult> RunTimingPlanAsync(RunTimingPlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runtime = Find(request.IntersectionId);
        var intersection = runtime.Intersection;
        var toSchedule = string.Equals(request.PlanId?.Trim(), PlanIds.Schedule, StringComparison.OrdinalIgnoreCase);
        var plan = toSchedule ? null : intersection.Plan(request.PlanId)
            ?? throw new CapabilityInputException("planId",
                $"Intersection {intersection.Id} has no timing plan '{request.PlanId}'. Its plans: {string.Join(", ", intersection.Plans.Select(p => p.Id))}; " +
                $"or '{PlanIds.Schedule}' to follow the time-of-day schedule again.");

        DateTimeOffset now;
        string active;
        lock (_gate)
        {
            now = _time.GetUtcNow();
            AdvanceAll(now);
            runtime.Run(plan, now, _pending);
            TrimPending();
            active = runtime.ActivePlan.Id;
        }

        Log.PlanSelected(_logger, intersection.Id, active);
        return ValueTask.FromResult(new RunTimingPlanResult(intersection.Id, active, DistrictTime.ToLocal(now)));
    }

    private IntersectionRuntime Find(string? intersectionId) =>
        intersectionId is not null && _byId.TryGetValue(intersectionId.Trim(), out var runtime)
            ? runtime
            : throw new CapabilityInputException("intersectionId",
                $"Unknown intersection '{intersectionId}'. Known: {Intersections[0].Id} … {Intersections[^1].Id}.");

    private static IntersectionState StateOf(IntersectionRuntime runtime) => new(
        runtime.Intersection.Id,
        runtime.Intersection.Name,
        runtime.CurrentPhase.PhaseId,
        DistrictTime.ToLocal(runtime.PhaseStartedAt),
        DistrictTime.ToLocal(runtime.PhaseEndsAt),
        runtime.ActivePlan.Id,
        runtime.Mode,
        runtime.Intersection.Phases,
        runtime.Intersection.Plans.Select(p => p.Id).ToArray(),
        runtime.Intersection.Location);

    private void AdvanceAll(DateTimeOffset now)
    {
        if (now < _lastTick)
        {
            return;
        }

        foreach (var runtime in _byId.Values)
        {
            runtime.AdvanceTo(now, _pending);
        }

        _lastTick = now;
        TrimPending();
    }

    private void TrimPending()
    {
        var excess = _pending.Count - MaxPendingChanges;
        if (excess > 0)
        {
            // Nobody is draining (the event source is off): keep the newest, which describe the present.
            _pending.RemoveRange(0, excess);
            if (!_dropReported)
            {
                _dropReported = true;
                Log.ChangesDropped(_logger, excess);
            }
        }
    }
}
