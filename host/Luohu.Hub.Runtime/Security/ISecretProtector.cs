namespace Luohu.Hub.Runtime.Security;

/// <summary>Encrypts secrets at rest; the host implements it with ASP.NET Core Data Protection.</summary>
internal interface ISecretProtector
{
    string Protect(string plaintext);

    /// <summary>Throws <see cref="System.Security.Cryptography.CryptographicException"/> when the key ring cannot read it.</summary>
    string Unprotect(string protectedText);
}
