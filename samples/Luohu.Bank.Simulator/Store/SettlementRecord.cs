namespace Luohu.Bank.Simulator.Store;

/// <summary>A settlement as the bank keeps it; amounts in minor units (fen).</summary>
internal sealed class SettlementRecord
{
    public string Id { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public string AssessmentId { get; set; } = "";
    public string BillId { get; set; } = "";
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "";
    public string Status { get; set; } = "";
    public long CreatedAt { get; set; }
    public long? ReversedAt { get; set; }
}
