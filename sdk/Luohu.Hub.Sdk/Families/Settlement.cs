namespace Luohu.Hub.Sdk.Families;

/// <summary>A settlement of a bill.</summary>
/// <param name="SettlementId">The bank's settlement id.</param>
/// <param name="IdempotencyKey">The key it was requested with.</param>
/// <param name="BillId">The hospital's bill id.</param>
/// <param name="Status"><c>pending</c>, <c>settled</c> or <c>rejected</c>.</param>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="CreatedAt">When it was requested.</param>
public sealed record Settlement(string SettlementId, string IdempotencyKey, string BillId, string Status, decimal Amount, string Currency, DateTimeOffset CreatedAt);
