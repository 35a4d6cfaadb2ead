namespace Luohu.Bank.Simulator.Api;

/// <summary><c>POST /v1/assessments</c>: who, where, and the estimated bill.</summary>
internal sealed record AssessmentRequest(string? ApplicantId, string? HospitalId, decimal Amount, string? Currency);
