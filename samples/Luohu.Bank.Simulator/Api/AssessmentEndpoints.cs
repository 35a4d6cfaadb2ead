using Luohu.Bank.Simulator.Store;
using Microsoft.Extensions.Options;

namespace Luohu.Bank.Simulator.Api;

/// <summary>
/// <c>POST /v1/assessments</c>. The bank's rules: an applicant on its list (ids starting <c>BLK-</c>) is declined
/// (<c>APPLICANT_BLACKLISTED</c>); an estimate above <see cref="BankOptions.MaxAssessedAmount"/> is declined
/// (<c>AMOUNT_ABOVE_MAXIMUM</c>); anyone else gets the standard line (<c>WITHIN_POLICY</c>), valid for
/// <see cref="BankOptions.AssessmentValidity"/>. Whether the line covers the estimate is the partner's decision.
/// </summary>
internal static class AssessmentEndpoints
{
    public static void MapAssessments(this RouteGroupBuilder v1) =>
        v1.MapPost("/assessments", (AssessmentRequest? request, HttpContext http, BankStore store, IOptions<BankOptions> options, TimeProvider time) =>
        {
            if (request is null)
            {
                return BankResults.Invalid("body", "send a JSON object { applicantId, hospitalId, amount, currency }.");
            }

            if (string.IsNullOrWhiteSpace(request.ApplicantId) || request.ApplicantId.Length > 64)
            {
                return BankResults.Invalid("applicantId", "required, at most 64 characters.");
            }

            if (string.IsNullOrWhiteSpace(request.HospitalId) || request.HospitalId.Length > 64)
            {
                return BankResults.Invalid("hospitalId", "required, at most 64 characters.");
            }

            if (!Money.TryToMinor(request.Amount, out var amount))
            {
                return BankResults.Invalid("amount", $"a positive amount with at most two decimals, up to {Money.Max}.");
            }

            var currency = request.Currency ?? "CNY";
            if (!Money.IsCurrency(currency))
            {
                return BankResults.Invalid("currency", "an ISO 4217 code such as CNY.");
            }

            var o = options.Value;
            var (decision, reason) = request.ApplicantId.StartsWith("BLK-", StringComparison.Ordinal) ? ("declined", "APPLICANT_BLACKLISTED")
                : request.Amount > o.MaxAssessedAmount ? ("declined", "AMOUNT_ABOVE_MAXIMUM")
                : ("approved", "WITHIN_POLICY");
            var now = time.GetUtcNow();
            var record = new AssessmentRecord
            {
                Id = "AS-" + Guid.CreateVersion7(now).ToString("N")[..20].ToUpperInvariant(),
                Partner = BankResults.Partner(http),
                ApplicantId = request.ApplicantId,
                HospitalId = request.HospitalId,
                AmountMinor = amount,
                Decision = decision,
                LineMinor = decision == "approved" ? (long)(o.CreditLine * 100m) : 0,
                Currency = currency,
                ReasonCode = reason,
                ExpiresAt = (now + o.AssessmentValidity).ToUnixTimeMilliseconds(),
                CreatedAt = now.ToUnixTimeMilliseconds(),
            };
            store.AddAssessment(record);
            return Results.Ok(new AssessmentResponse(record.Id, decision, record.LineMinor / 100m, currency, DateTimeOffset.FromUnixTimeMilliseconds(record.ExpiresAt), reason));
        });
}
