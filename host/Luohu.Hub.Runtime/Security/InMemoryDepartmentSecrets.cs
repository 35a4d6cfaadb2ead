using System.Collections.Concurrent;

namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// Department secrets for a flow runtime without the store and its key ring (the flow tests and benchmarks, like the
/// in-memory flow repository): held in this process only, gone when it ends. <c>AddHubSecurity</c> replaces it with
/// <see cref="DepartmentSecrets"/>, encrypted and stored.
/// </summary>
internal sealed class InMemoryDepartmentSecrets(TimeProvider time) : IDepartmentSecrets
{
    private readonly ConcurrentDictionary<(string Department, string Name), (string Value, DepartmentSecretInfo Info)> _secrets = new();

    public IReadOnlyList<DepartmentSecretInfo> List(string? department) =>
        [.. _secrets.Values.Select(s => s.Info).Where(i => department is null || i.Department == department).OrderBy(i => i.Department, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal)];

    public bool Exists(string department, string name) => _secrets.ContainsKey((department, name));

    public string? Reveal(string department, string name) => _secrets.TryGetValue((department, name), out var secret) ? secret.Value : null;

    public Task SetAsync(string department, string name, string value, AuditEvent by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        _secrets[(department, name)] = (value, new DepartmentSecretInfo(department, name, by.Actor, time.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string department, string name, AuditEvent by, CancellationToken cancellationToken) =>
        Task.FromResult(_secrets.TryRemove((department, name), out _));
}
