using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Luohu.Hub.Host.Security;

/// <summary><see cref="ISecretProtector"/> on ASP.NET Core Data Protection, with its own purpose string.</summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Luohu.Hub.PluginSecrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
