using Luohu.Bank.Simulator.Store;

namespace Luohu.Bank.Simulator.Api;

/// <summary>A settlement: <c>settled</c> or <c>reversed</c>.</summary>
internal sealed record SettlementResponse(
    string SettlementId, string IdempotencyKey, string AssessmentId, string BillId, string Status, decimal Amount, string Currency, DateTimeOffset CreatedAt, DateTimeOffset? ReversedAt)
{
    public static SettlementResponse From(SettlementRecord r) => new(
        r.Id, r.IdempotencyKey, r.AssessmentId, r.BillId, r.Status, r.AmountMinor / 100m, r.Currency,
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt), r.ReversedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
}
