namespace Luohu.Bank.Simulator.Api;

/// <summary>The decision: <c>approved</c> or <c>declined</c>, the line granted, until when, and why (<c>reasonCode</c>).</summary>
internal sealed record AssessmentResponse(string AssessmentId, string Decision, decimal Line, string Currency, DateTimeOffset ExpiresAt, string ReasonCode);
