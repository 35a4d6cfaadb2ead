namespace Luohu.Hub.Runtime.Security;

/// <summary>Device credentials in the store (hashed secrets only).</summary>
internal interface IDeviceCredentialStore
{
    Task InsertAsync(DeviceCredential credential, CancellationToken cancellationToken);

    Task<DeviceCredential?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every credential (revoked ones too), or those of one department.</summary>
    Task<IReadOnlyList<DeviceCredential>> ListAsync(string? department, CancellationToken cancellationToken);

    /// <summary>False when there is no such credential or it was revoked already.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);
}
