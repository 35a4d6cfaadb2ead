using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// <see cref="IDepartmentSecrets"/> on the store, with every secret held encrypted in memory (a webhook request must
/// not wait for the database) and decrypted only for the check that needs it.
/// </summary>
internal sealed partial class DepartmentSecrets(IDepartmentSecretStore store, ISecretProtector protector, IAuditLog audit, TimeProvider time, ILogger<DepartmentSecrets> logger)
    : IDepartmentSecrets
{
    /// <summary>The longest secret value accepted, in characters.</summary>
    public const int MaxValueLength = 4096;

    private readonly ConcurrentDictionary<(string Department, string Name), DepartmentSecret> _secrets = new();

    /// <summary>Whether <paramref name="name"/> may name a secret: letters, digits, '.', '_', '-', at most 100, starting with a letter or digit.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>Reads every secret, encrypting any that a migration left in the clear.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var secret in await store.ListAsync(cancellationToken))
        {
            var kept = secret;
            if (secret.Plaintext is { } plaintext)
            {
                kept = secret with { ProtectedValue = protector.Protect(plaintext), Plaintext = null };
                await store.UpsertAsync(kept, cancellationToken);
            }

            _secrets[(kept.Department, kept.Name)] = kept;
        }
    }

    public IReadOnlyList<DepartmentSecretInfo> List(string? department) =>
        [.. _secrets.Values
            .Where(s => department is null || s.Department == department)
            .OrderBy(s => s.Department, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new DepartmentSecretInfo(s.Department, s.Name, s.UpdatedBy, s.UpdatedAt))];

    public bool Exists(string department, string name) => _secrets.ContainsKey((department, name));

    public string? Reveal(string department, string name)
    {
        if (!_secrets.TryGetValue((department, name), out var secret))
        {
            return null;
        }

        try
        {
            return protector.Unprotect(secret.ProtectedValue ?? string.Empty);
        }
        catch (CryptographicException)
        {
            SecurityLog.DepartmentSecretUnreadable(logger, department, name);
            return null;
        }
    }

    public async Task SetAsync(string department, string name, string value, AuditEvent by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var secret = new DepartmentSecret
        {
            Department = department, Name = name, ProtectedValue = protector.Protect(value), UpdatedBy = by.Actor, UpdatedAt = time.GetUtcNow(),
        };
        var existed = Exists(department, name);
        await store.UpsertAsync(secret, cancellationToken);
        _secrets[(department, name)] = secret;
        await audit.AppendAsync(by with { Action = "secret.set", Target = $"{department}/{name}", Detail = by.Detail ?? (existed ? "replaced" : "created") }, cancellationToken);
    }

    public async Task<bool> DeleteAsync(string department, string name, AuditEvent by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!await store.DeleteAsync(department, name, cancellationToken))
        {
            return false;
        }

        _secrets.TryRemove((department, name), out _);
        await audit.AppendAsync(by with { Action = "secret.delete", Target = $"{department}/{name}" }, cancellationToken);
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
