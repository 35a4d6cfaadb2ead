namespace Luohu.Hub.Plugins.BankCredit.Bank;

/// <summary>The bank's assessment answer.</summary>
internal sealed record BankAssessment(string AssessmentId, string Decision, decimal Line, string Currency, DateTimeOffset ExpiresAt, string ReasonCode);

/// <summary>The bank's settlement answer.</summary>
internal sealed record BankSettlement(string SettlementId, string IdempotencyKey, string AssessmentId, string BillId, string Status, decimal Amount, string Currency, DateTimeOffset CreatedAt);

/// <summary>The bank's refusal: a stable code and a sentence.</summary>
internal sealed record BankRefusal(string? Code, string? Detail);
