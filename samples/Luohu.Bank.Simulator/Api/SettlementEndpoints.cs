using Luohu.Bank.Simulator.Faults;
using Luohu.Bank.Simulator.Store;

namespace Luohu.Bank.Simulator.Api;

/// <summary>
/// Settlements: <c>POST /v1/settlements</c> (201 new, 200 with <c>Idempotent-Replay: true</c> for a key seen before),
/// <c>GET /v1/settlements/{id}</c>, <c>POST /v1/settlements/{id}/reversal</c>.
/// </summary>
internal static class SettlementEndpoints
{
    public static void MapSettlements(this RouteGroupBuilder v1)
    {
        v1.MapPost("/settlements", async (SettlementRequest? request, HttpContext http, BankStore store, FaultSwitch faults, TimeProvider time, ILogger<BankStore> logger) =>
        {
            if (Check(request) is { } invalid)
            {
                return invalid;
            }

            Money.TryToMinor(request!.Amount, out var amount);
            var now = time.GetUtcNow();
            var outcome = store.Settle(BankResults.Partner(http), new SettlementRecord
            {
                Id = "ST-" + Guid.CreateVersion7(now).ToString("N")[..20].ToUpperInvariant(),
                IdempotencyKey = request.IdempotencyKey!,
                AssessmentId = request.AssessmentId!,
                BillId = request.BillId!,
                AmountMinor = amount,
                Currency = request.Currency ?? "CNY",
            }, now.ToUnixTimeMilliseconds());
            if (outcome.Settlement is not { } settlement)
            {
                var status = outcome.ErrorCode == "ASSESSMENT_UNKNOWN" ? StatusCodes.Status404NotFound
                    : outcome.ErrorCode == "IDEMPOTENCY_KEY_REUSED" ? StatusCodes.Status409Conflict
                    : StatusCodes.Status422UnprocessableEntity;
                return BankResults.Error(status, outcome.ErrorCode!, outcome.ErrorDetail!);
            }

            if (!outcome.Replayed)
            {
                BankLog.Settled(logger, settlement.Id, settlement.BillId, settlement.AmountMinor / 100m, settlement.Currency);
            }

            if (await faults.AfterCommitAsync(http))
            {
                return Results.Empty;
            }

            if (outcome.Replayed)
            {
                http.Response.Headers["Idempotent-Replay"] = "true";
                return Results.Ok(SettlementResponse.From(settlement));
            }

            return Results.Created($"/v1/settlements/{settlement.Id}", SettlementResponse.From(settlement));
        });
        v1.MapGet("/settlements/{id}", (string id, HttpContext http, BankStore store) =>
            store.FindSettlement(BankResults.Partner(http), id) is { } settlement
                ? Results.Ok(SettlementResponse.From(settlement))
                : BankResults.Error(StatusCodes.Status404NotFound, "SETTLEMENT_UNKNOWN", $"No settlement '{id}'."));
        v1.MapPost("/settlements/{id}/reversal", (string id, HttpContext http, BankStore store, TimeProvider time) =>
            store.Reverse(BankResults.Partner(http), id, time.GetUtcNow().ToUnixTimeMilliseconds()) is { } settlement
                ? Results.Ok(SettlementResponse.From(settlement))
                : BankResults.Error(StatusCodes.Status404NotFound, "SETTLEMENT_UNKNOWN", $"No settlement '{id}'."));
    }

    private static IResult? Check(SettlementRequest? request)
    {
        if (request is null)
        {
            return BankResults.Invalid("body", "send a JSON object { idempotencyKey, assessmentId, billId, amount, currency }.");
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > 128)
        {
            return BankResults.Invalid("idempotencyKey", "required, at most 128 characters; send the same key on every retry of one bill.");
        }

        if (string.IsNullOrWhiteSpace(request.AssessmentId))
        {
            return BankResults.Invalid("assessmentId", "required: the approved assessment the bill is settled against.");
        }

        if (string.IsNullOrWhiteSpace(request.BillId) || request.BillId.Length > 64)
        {
            return BankResults.Invalid("billId", "required, at most 64 characters.");
        }

        if (!Money.TryToMinor(request.Amount, out _))
        {
            return BankResults.Invalid("amount", $"a positive amount with at most two decimals, up to {Money.Max}.");
        }

        return request.Currency is null || Money.IsCurrency(request.Currency) ? null : BankResults.Invalid("currency", "an ISO 4217 code such as CNY.");
    }
}
