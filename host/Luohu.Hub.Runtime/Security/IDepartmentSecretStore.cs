namespace Luohu.Hub.Runtime.Security;

/// <summary>Where department secrets are kept (encrypted); <see cref="DepartmentSecrets"/> is the one reader and writer.</summary>
internal interface IDepartmentSecretStore
{
    Task<IReadOnlyList<DepartmentSecret>> ListAsync(CancellationToken cancellationToken);

    Task UpsertAsync(DepartmentSecret secret, CancellationToken cancellationToken);

    /// <summary>False when there was no such secret.</summary>
    Task<bool> DeleteAsync(string department, string name, CancellationToken cancellationToken);
}
