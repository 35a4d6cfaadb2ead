using Luohu.Hub.Plugins.Signals.Model;
using Luohu.Hub.Sdk.Families;

namespace Luohu.Hub.Plugins.Signals.Simulation;

/// <summary>
/// One controller's moving state. Not thread-safe on its own: <see cref="SignalNetwork"/> serialises access.
/// </summary>
internal sealed class IntersectionRuntime
{
    public const string PlanMode = "plan";
    public const string OverrideMode = "override";

    // After a longer gap (a paused process, a clock jump) replaying every missed phase would flood the bus
    // with history nobody needs; the controller just starts its next phase now.
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromMinutes(10);

    private TimingPlan? _pinnedPlan;

    public IntersectionRuntime(Intersection intersection, int position, DateTimeOffset now)
    {
        Intersection = intersection;
        ActivePlan = ScheduledPlan(now);
        PhaseIndex = position % intersection.Phases.Count;

        // Stagger the network so not every controller changes phase in the same second.
        var green = GreenOf(PhaseIndex);
        PhaseStartedAt = now - TimeSpan.FromSeconds(position * 7 % green);
        PhaseEndsAt = PhaseStartedAt + TimeSpan.FromSeconds(green);
    }

    public Intersection Intersection { get; }

    public int PhaseIndex { get; private set; }

    public SignalPhase CurrentPhase => Intersection.Phases[PhaseIndex];

    public DateTimeOffset PhaseStartedAt { get; private set; }

    public DateTimeOffset PhaseEndsAt { get; private set; }

    public TimingPlan ActivePlan { get; private set; }

    public DateTimeOffset? HeldUntil { get; private set; }

    public string Mode => HeldUntil is null ? PlanMode : OverrideMode;

    /// <summary>Runs the plan forward to <paramref name="now"/>, recording each phase change.</summary>
    public void AdvanceTo(DateTimeOffset now, List<PhaseChange> changes)
    {
        if (now - PhaseEndsAt > CatchUpLimit)
        {
            PhaseEndsAt = now;
        }

        while (PhaseEndsAt <= now)
        {
            var boundary = PhaseEndsAt;
            var previous = CurrentPhase.PhaseId;
            HeldUntil = null;
            ActivePlan = _pinnedPlan ?? ScheduledPlan(boundary);

            // After a hold the plan resumes with the phase that follows the held one.
            PhaseIndex = (PhaseIndex + 1) % Intersection.Phases.Count;
            PhaseStartedAt = boundary;
            PhaseEndsAt = boundary + TimeSpan.FromSeconds(GreenOf(PhaseIndex));
            changes.Add(Change(previous, boundary));
        }
    }

    /// <summary>Holds a phase green until <paramref name="heldUntil"/>; the caller has validated it.</summary>
    public void Hold(int phaseIndex, DateTimeOffset now, DateTimeOffset heldUntil, List<PhaseChange> changes)
    {
        var previous = CurrentPhase.PhaseId;
        if (phaseIndex != PhaseIndex)
        {
            PhaseIndex = phaseIndex;
            PhaseStartedAt = now;
        }

        PhaseEndsAt = heldUntil;
        HeldUntil = heldUntil;
        changes.Add(Change(previous, now));
    }

    /// <summary>Pins a plan, or with <see langword="null"/> returns to the time-of-day schedule.</summary>
    public void Run(TimingPlan? plan, DateTimeOffset now, List<PhaseChange> changes)
    {
        // The green now running finishes on its own timing; the new plan times the phases after it.
        _pinnedPlan = plan;
        ActivePlan = plan ?? ScheduledPlan(now);
        changes.Add(Change(CurrentPhase.PhaseId, now));
    }

    private int GreenOf(int phaseIndex) => ActivePlan.GreenSeconds[Intersection.Phases[phaseIndex].PhaseId];

    private TimingPlan ScheduledPlan(DateTimeOffset instant) =>
        Intersection.Plan(PlanSchedule.PlanAt(instant)) ?? Intersection.Plans[0];

    private PhaseChange Change(string previousPhase, DateTimeOffset at) => new(
        Intersection.Id, Intersection.Name, CurrentPhase.PhaseId, previousPhase, ActivePlan.Id, Mode,
        DistrictTime.ToLocal(PhaseEndsAt), DistrictTime.ToLocal(at));
}
