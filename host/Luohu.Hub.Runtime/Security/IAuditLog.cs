namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// The append-only, hash-chained audit log. Appends are serialized (one writer) so each entry chains to the one
/// before; the store refuses updates and deletes; <see cref="VerifyAsync"/> finds any entry changed behind its back.
/// </summary>
internal interface IAuditLog
{
    Task<AuditEntry> AppendAsync(AuditEvent entry, CancellationToken cancellationToken);

    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);
}
