namespace Luohu.Bank.Simulator.Api;

/// <summary><c>POST /v1/settlements</c>: a bill against an approved line, under an idempotency key.</summary>
internal sealed record SettlementRequest(string? IdempotencyKey, string? AssessmentId, string? BillId, decimal Amount, string? Currency);
