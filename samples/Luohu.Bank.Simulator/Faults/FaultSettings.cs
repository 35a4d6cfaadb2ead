namespace Luohu.Bank.Simulator.Faults;

/// <summary>
/// What the next requests suffer: <see cref="FailCount"/> requests answer 503 before doing anything; the next
/// <see cref="SlowCount"/> wait <see cref="SlowMs"/> (a settlement after committing); the next
/// <see cref="DropAfterCommitCount"/> settlements commit and then lose the connection without an answer.
/// </summary>
internal sealed record FaultSettings(int FailCount = 0, int SlowCount = 0, int SlowMs = 0, int DropAfterCommitCount = 0);
