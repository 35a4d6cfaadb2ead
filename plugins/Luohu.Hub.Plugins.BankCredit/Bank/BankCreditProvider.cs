using Luohu.Hub.Sdk.Connectors;
using Luohu.Hub.Sdk.Families;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.BankCredit.Bank;

/// <summary><see cref="ICreditProvider"/> over the bank's partner API.</summary>
internal sealed class BankCreditProvider : ICreditProvider
{
    private readonly BankClient bank;

    public BankCreditProvider(BankClient bank, BankCreditOptions options, ILogger<BankCreditProvider> logger)
    {
        this.bank = bank;
        Log.Ready(logger, options.BaseUrl, options.PartnerId, options.PartnerSecret is null ? "missing" : "set");
    }

    public async ValueTask<CreditAssessment> AssessAsync(CreditAssessmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = await bank.AssessAsync(new { applicantId = request.CitizenId, hospitalId = request.HospitalId, amount = request.Amount, currency = request.Currency }, cancellationToken);
        return new CreditAssessment(answer.AssessmentId, answer.Decision == "approved", answer.Line, answer.Currency, answer.ReasonCode, answer.ExpiresAt);
    }

    public async ValueTask<Settlement> SettleAsync(SettlementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            throw new CapabilityInputException("idempotencyKey", "A settlement needs an idempotency key; the hub's outbox fills it in for flows.");
        }

        var answer = await bank.SettleAsync(new
        {
            idempotencyKey = request.IdempotencyKey, assessmentId = request.AssessmentId, billId = request.BillId, amount = request.Amount, currency = request.Currency,
        }, cancellationToken);
        return ToSettlement(answer);
    }

    public async ValueTask<Settlement> QuerySettlementAsync(SettlementQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ToSettlement(await bank.GetSettlementAsync(query.SettlementId, cancellationToken));
    }

    internal static Settlement ToSettlement(BankSettlement s) =>
        new(s.SettlementId, s.IdempotencyKey, s.BillId, s.Status, s.Amount, s.Currency, s.CreatedAt);
}
