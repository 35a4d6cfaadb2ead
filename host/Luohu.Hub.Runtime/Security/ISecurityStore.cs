namespace Luohu.Hub.Runtime.Security;

/// <summary>Departments, users, API keys and grants. Writes are single statements or one transaction each.</summary>
internal interface ISecurityStore
{
    Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken);

    Task UpsertDepartmentAsync(Department department, CancellationToken cancellationToken);

    /// <summary>False when it did not exist. Its grants and memberships go with it.</summary>
    Task<bool> DeleteDepartmentAsync(string id, CancellationToken cancellationToken);

    Task<int> CountUsersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<HubUser>> ListUsersAsync(CancellationToken cancellationToken);

    Task<HubUser?> FindUserAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the user with its department memberships.</summary>
    Task UpsertUserAsync(HubUser user, CancellationToken cancellationToken);

    Task<bool> DeleteUserAsync(string name, CancellationToken cancellationToken);

    /// <summary>Records a sign-in outcome: failures since the last success are counted (shown to admins), a success resets them.</summary>
    Task RecordSignInAsync(string name, bool succeeded, CancellationToken cancellationToken);

    Task InsertKeyAsync(ApiKey key, CancellationToken cancellationToken);

    Task<ApiKey?> FindKeyByPrefixAsync(string prefix, CancellationToken cancellationToken);

    Task<ApiKey?> FindKeyAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every key, or those of one owner.</summary>
    Task<IReadOnlyList<ApiKey>> ListKeysAsync(string? owner, CancellationToken cancellationToken);

    /// <summary>False when no active key has that id.</summary>
    Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    Task TouchKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<Grant>> ListGrantsAsync(CancellationToken cancellationToken);

    Task InsertGrantAsync(Grant grant, CancellationToken cancellationToken);

    Task<Grant?> DeleteGrantAsync(string id, CancellationToken cancellationToken);
}
