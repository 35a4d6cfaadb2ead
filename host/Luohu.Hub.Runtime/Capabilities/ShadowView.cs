namespace Luohu.Hub.Runtime.Capabilities;

/// <summary>A shadow comparison as ops read it, the two vendors side by side.</summary>
/// <param name="Capability">The capability compared.</param>
/// <param name="Since">When the comparison started (the last vendor change).</param>
/// <param name="Serving">The vendor whose answers the callers got.</param>
/// <param name="Shadow">The vendor sent the same calls.</param>
/// <param name="Compared">Calls both vendors answered.</param>
/// <param name="Agreed">Of those, how many the two answered alike.</param>
/// <param name="Agreement">Agreed / compared; null before the first pair.</param>
/// <param name="Skipped">Shadow calls not made because too many were in flight.</param>
/// <param name="AgreementRule">What "alike" means for this capability.</param>
internal sealed record ShadowView(
    string Capability, DateTimeOffset Since, VendorSideView Serving, VendorSideView Shadow, long Compared, long Agreed, double? Agreement, long Skipped, string AgreementRule);
