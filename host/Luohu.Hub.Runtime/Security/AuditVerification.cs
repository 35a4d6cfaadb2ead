namespace Luohu.Hub.Runtime.Security;

/// <summary>The result of walking the chain: <see cref="Ok"/> or the first entry that does not fit, and why.</summary>
internal sealed record AuditVerification(bool Ok, long Entries, long? FirstBrokenSequence = null, string? Reason = null);
