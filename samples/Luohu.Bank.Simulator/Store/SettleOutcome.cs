namespace Luohu.Bank.Simulator.Store;

/// <summary>What a settlement request came to: a new or replayed settlement, or a refusal code.</summary>
internal sealed record SettleOutcome(SettlementRecord? Settlement, bool Replayed, string? ErrorCode, string? ErrorDetail);
