namespace Luohu.Bank.Simulator.Store;

/// <summary>A credit decision as the bank keeps it; amounts in minor units (fen).</summary>
internal sealed class AssessmentRecord
{
    public string Id { get; set; } = "";
    public string Partner { get; set; } = "";
    public string ApplicantId { get; set; } = "";
    public string HospitalId { get; set; } = "";
    public long AmountMinor { get; set; }
    public string Decision { get; set; } = "";
    public long LineMinor { get; set; }
    public string Currency { get; set; } = "";
    public string ReasonCode { get; set; } = "";
    public long ExpiresAt { get; set; }
    public long CreatedAt { get; set; }
}
