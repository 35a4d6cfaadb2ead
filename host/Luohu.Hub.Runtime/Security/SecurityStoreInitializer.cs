using System.Security.Cryptography;
using Luohu.Hub.Runtime.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Security;

/// <summary>
/// Wraps the store's initializer: after the migrations, the first start of an empty store seeds the district
/// and the first admin; every start loads the grants and plugin settings into memory before plugins load.
/// </summary>
internal sealed class SecurityStoreInitializer(
    IHubStoreInitializer inner,
    ISecurityStore store,
    IGrantCache grants,
    PluginSettingsOverlay settings,
    DepartmentSecrets secrets,
    IAuditLog audit,
    IOptions<SecurityOptions> options,
    TimeProvider time,
    ILogger<SecurityStoreInitializer> logger) : IHubStoreInitializer
{
    public async ValueTask<int> InitializeAsync(CancellationToken cancellationToken)
    {
        var version = await inner.InitializeAsync(cancellationToken);
        if (await store.CountUsersAsync(cancellationToken) == 0)
        {
            await SeedAsync(cancellationToken);
        }

        await grants.ReloadAsync(cancellationToken);
        await settings.LoadAsync(cancellationToken);
        await secrets.LoadAsync(cancellationToken);
        return version;
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (options.Value.SeedDistrict && (await store.ListDepartmentsAsync(cancellationToken)).Count == 0)
        {
            foreach (var department in DistrictSeed.Departments)
            {
                await store.UpsertDepartmentAsync(department, cancellationToken);
            }

            var seeded = DistrictSeed.All(now);
            foreach (var grant in seeded)
            {
                await store.InsertGrantAsync(grant, cancellationToken);
            }

            SecurityLog.DistrictSeeded(logger, DistrictSeed.Departments.Count, seeded.Count);
        }

        var configured = options.Value.AdminPassword;
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        await store.UpsertUserAsync(new HubUser
        {
            Name = "admin",
            DisplayName = "Administrator",
            PasswordHash = Passwords.Hash(password),
            Roles = [HubRoles.Admin],
            Departments = [],
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        await audit.AppendAsync(new AuditEvent
        {
            Actor = "system", ActorKind = "system", Action = "user.create", Target = "admin",
            Detail = string.IsNullOrEmpty(configured) ? "first start, generated password" : "first start, password from Hub:Auth:AdminPassword",
        }, cancellationToken);

        if (string.IsNullOrEmpty(configured))
        {
            SecurityLog.AdminGenerated(logger);

            // The one place a password is ever shown: stdout once, never a log line (log files outlive the console).
            await Console.Out.WriteLineAsync($"""

                ==================================================================================
                 Luohu Hub first start: created user 'admin' with this password (shown only once):

                     {password}

                 Sign in: POST /api/v1/session {"{"} "user": "admin", "password": "..." {"}"}
                 then create an API key with POST /api/v1/keys. Change it by setting a new one for
                 'admin' (PUT /api/v1/users/admin) — or start an empty store with Hub:Auth:AdminPassword.
                ==================================================================================

                """.AsMemory(), cancellationToken);
        }
        else
        {
            SecurityLog.AdminFromConfiguration(logger);
        }
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
}
