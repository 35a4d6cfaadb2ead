namespace Luohu.Hub.Runtime.Security;

/// <summary>A page of entries; <see cref="Next"/> is the <c>before</c> of the following page, null on the last.</summary>
internal sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Next);
