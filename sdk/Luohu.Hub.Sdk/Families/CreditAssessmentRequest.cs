namespace Luohu.Hub.Sdk.Families;

/// <summary>Asks for a credit line.</summary>
/// <param name="CitizenId">The citizen's id at the bank (a pseudonym, never the national id in clear).</param>
/// <param name="HospitalId">The treating hospital.</param>
/// <param name="Amount">The expected bill.</param>
/// <param name="Currency">ISO 4217 code, normally <c>CNY</c>.</param>
public sealed record CreditAssessmentRequest(string CitizenId, string HospitalId, decimal Amount, string Currency = "CNY");
