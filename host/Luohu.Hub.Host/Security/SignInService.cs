using Luohu.Hub.Runtime.Security;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Security;

/// <summary>Password sign-in with lockout after repeated failures; every attempt is audited.</summary>
internal sealed class SignInService(ISecurityStore store, IAuditLog audit, TimeProvider time, IOptions<SecurityOptions> options, ILogger<SignInService> logger)
{
    // Verified against when the user does not exist, so an unknown name costs as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString()));

    public async Task<SignInResult> SignInAsync(string name, string password, string? remoteIp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await store.FindUserAsync(name, cancellationToken);
        var entry = new AuditEvent { Actor = name, ActorKind = "user", Action = "session.sign-in", Target = name, RemoteIp = remoteIp };
        if (user is null)
        {
            PasswordHasher.Verify(password, DummyHash.Value);
            SecurityLog.SignInFailed(logger, name, remoteIp);
            await audit.AppendAsync(entry with { ActorKind = "anonymous", Outcome = "failed", Detail = "unknown user" }, cancellationToken);
            return SignInResult.Failed();
        }

        if (user.LockoutEnd is { } until && until > now)
        {
            await audit.AppendAsync(entry with { Outcome = "locked-out", Detail = $"locked out until {until:O}" }, cancellationToken);
            return SignInResult.LockedOut(until);
        }

        if (!PasswordHasher.Verify(password, user.PasswordHash))
        {
            SecurityLog.SignInFailed(logger, user.Name, remoteIp);
            var failures = user.FailedCount + 1;
            if (failures >= options.Value.LockoutThreshold)
            {
                var end = now + options.Value.LockoutDuration;
                await store.RecordSignInAsync(user.Name, succeeded: false, end, now, cancellationToken);
                SecurityLog.LockedOut(logger, user.Name, end);
                await audit.AppendAsync(entry with { Action = "session.lockout", Outcome = "locked-out", Detail = $"{failures} failed sign-ins; locked out until {end:O}" }, cancellationToken);
                return SignInResult.LockedOut(end);
            }

            await store.RecordSignInAsync(user.Name, succeeded: false, null, now, cancellationToken);
            await audit.AppendAsync(entry with { Outcome = "failed", Detail = $"wrong password ({failures} in a row)" }, cancellationToken);
            return SignInResult.Failed();
        }

        await store.RecordSignInAsync(user.Name, succeeded: true, null, now, cancellationToken);
        SecurityLog.SignedIn(logger, user.Name, remoteIp);
        await audit.AppendAsync(entry, cancellationToken);
        return SignInResult.Success(user);
    }
}
