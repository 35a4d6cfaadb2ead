using Luohu.Hub.Sdk.Connectors;

namespace Luohu.Hub.Sdk.Families;

/// <summary>
/// A bank's credit service for "treat first, pay later" at the district hospitals. Every call is
/// audited. Settlement is idempotent: the same idempotency key never settles twice.
/// </summary>
public interface ICreditProvider
{
    /// <summary>Assesses whether a citizen may be treated on credit, and up to what amount.</summary>
    /// <param name="request">Who, where and how much.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [Capability(StandardCapabilities.CreditAssess, "Assess credit line", Sensitive = true)]
    ValueTask<CreditAssessment> AssessAsync(CreditAssessmentRequest request, CancellationToken cancellationToken);

    /// <summary>Settles a hospital bill against an approved assessment. Repeating a key returns the first result.</summary>
    /// <param name="request">The bill and its idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CapabilityInputException">The assessment is unknown, expired or exceeded.</exception>
    [Capability(StandardCapabilities.CreditSettle, "Settle a bill", Sensitive = true, ChangesWorld = true)]
    ValueTask<Settlement> SettleAsync(SettlementRequest request, CancellationToken cancellationToken);

    /// <summary>Reads a settlement by id.</summary>
    /// <param name="query">The settlement id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="CapabilityInputException">The settlement is unknown.</exception>
    [Capability(StandardCapabilities.CreditQuerySettlement, "Query a settlement", Sensitive = true)]
    ValueTask<Settlement> QuerySettlementAsync(SettlementQuery query, CancellationToken cancellationToken);
}
