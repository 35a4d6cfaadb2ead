namespace Luohu.Hub.Sdk.Families;

/// <summary>A bank's credit decision.</summary>
/// <param name="AssessmentId">The bank's reference for the decision; settlements name it.</param>
/// <param name="Approved">Whether treatment on credit is approved.</param>
/// <param name="CreditLimit">The approved limit (0 when declined).</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Reason">Why it was declined or limited, when it was.</param>
/// <param name="ValidUntil">Until when the decision holds.</param>
public sealed record CreditAssessment(string AssessmentId, bool Approved, decimal CreditLimit, string Currency, string? Reason, DateTimeOffset ValidUntil);
