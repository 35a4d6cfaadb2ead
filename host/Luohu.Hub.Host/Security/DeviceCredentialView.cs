using Luohu.Hub.Runtime.Security;

namespace Luohu.Hub.Host.Security;

/// <summary>A device credential as the API shows it: never its secret or hash.</summary>
internal sealed record DeviceCredentialView(
    string Id, string UserName, string Name, string Department, IReadOnlyList<string> Publish, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static DeviceCredentialView Of(DeviceCredential credential) => new(
        credential.Id, credential.UserName, credential.Name, credential.Department, credential.Publish, credential.CreatedBy, credential.CreatedAt, credential.RevokedAt);
}
