namespace Luohu.Hub.Sdk.Families;

/// <summary>Settles a hospital bill on credit.</summary>
/// <param name="IdempotencyKey">Unique per bill; a retry with the same key returns the first settlement.</param>
/// <param name="AssessmentId">The approved assessment.</param>
/// <param name="BillId">The hospital's bill id.</param>
/// <param name="Amount">The amount to settle.</param>
/// <param name="Currency">ISO 4217 code.</param>
public sealed record SettlementRequest(string IdempotencyKey, string AssessmentId, string BillId, decimal Amount, string Currency = "CNY");
