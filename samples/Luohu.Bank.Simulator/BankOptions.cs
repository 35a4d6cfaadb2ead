namespace Luohu.Bank.Simulator;

/// <summary>The bank's settings (<c>Bank</c> section).</summary>
internal sealed class BankOptions
{
    public const string SectionName = "Bank";

    /// <summary>Folder of <c>bank.db</c>, relative to the content root. Default <c>data</c>.</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>Partner id → shared secret (at least 32 characters). No partner, no access: there is no default secret.</summary>
    public Dictionary<string, string> Partners { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The line granted to an approved applicant, in the request's currency. Default 50,000.</summary>
    public decimal CreditLine { get; set; } = 50_000m;

    /// <summary>Estimated bills above this are declined (<c>AMOUNT_ABOVE_MAXIMUM</c>). Default 200,000.</summary>
    public decimal MaxAssessedAmount { get; set; } = 200_000m;

    /// <summary>How long a decision holds. Default 3 days.</summary>
    public TimeSpan AssessmentValidity { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How far a request's timestamp may be from the bank's clock. Default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Token for <c>/admin/faults</c> (header <c>X-Admin-Token</c>); the fault switches exist only when set.</summary>
    public string? AdminToken { get; set; }
}
