using Luohu.Hub.Host.Api;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Security;

/// <summary>
/// Password sign-in for the API and the designer alike. The throttle decides first (per address, per name and
/// address, per name), before any hash is computed or any row written; existing and unknown names get the same
/// answers and cost the same time. Attempts are audited, with unknown names bounded per minute
/// (<see cref="SecurityOptions.UnknownNameAuditsPerMinute"/>) so strangers cannot grow the log at will. A hash in an
/// earlier format is rewritten at the first right password.
/// </summary>
internal sealed class SignInService(
    ISecurityStore store, IAuditLog audit, SignInThrottle throttle, TimeProvider time, IOptions<SecurityOptions> options, ILogger<SignInService> logger)
{
    // Verified against when the user does not exist, so an unknown name costs as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => Passwords.Hash(Guid.NewGuid().ToString()));

    private readonly object _unknownSync = new();
    private DateTimeOffset _unknownWindow;
    private int _unknownWritten;
    private int _unknownLeftOut;

    public async Task<SignInResult> SignInAsync(string name, string password, string? remoteIp, CancellationToken cancellationToken)
    {
        if (name.Length > ApiIdentifiers.MaxIdLength || password.Length > Passwords.MaxLength)
        {
            return SignInResult.Invalid(name.Length > ApiIdentifiers.MaxIdLength
                ? $"The user name is longer than {ApiIdentifiers.MaxIdLength} characters."
                : $"The password is longer than {Passwords.MaxLength} characters.");
        }

        var address = remoteIp ?? "unknown";
        if (throttle.Admit(address, name) is { } retryAt)
        {
            SecurityLog.SignInThrottled(logger, address);
            return SignInResult.LockedOut(retryAt);
        }

        var user = await store.FindUserAsync(name, cancellationToken);
        var check = Passwords.Verify(password, user?.PasswordHash ?? DummyHash.Value);
        var entry = new AuditEvent { Actor = name, ActorKind = "user", Action = "session.sign-in", Target = name, RemoteIp = remoteIp };
        if (user is null || check == PasswordVerificationResult.Failed)
        {
            SecurityLog.SignInFailed(logger, name, remoteIp);
            var holdUntil = throttle.Failed(address, name);
            if (user is not null)
            {
                await store.RecordSignInAsync(user.Name, succeeded: false, cancellationToken);
            }

            var detail = user is null ? "unknown user" : "wrong password";
            if (holdUntil is { } until)
            {
                SecurityLog.LockedOut(logger, name, until);
                await AppendAsync(user, entry with
                {
                    Action = "session.lockout", Outcome = "locked-out",
                    Detail = $"{detail}; {options.Value.LockoutThreshold} failures from {address}: this name is held back from this address until {until:O}",
                }, cancellationToken);
                return SignInResult.LockedOut(until);
            }

            await AppendAsync(user, entry with { Outcome = "failed", Detail = detail }, cancellationToken);
            return SignInResult.Failed();
        }

        throttle.Succeeded(address, name);
        if (check == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user with { PasswordHash = Passwords.Hash(password), UpdatedAt = time.GetUtcNow() };
            await store.UpsertUserAsync(user, cancellationToken);
        }

        await store.RecordSignInAsync(user.Name, succeeded: true, cancellationToken);
        SecurityLog.SignedIn(logger, user.Name, remoteIp);
        await audit.AppendAsync(entry, cancellationToken);
        return SignInResult.Success(user);
    }

    /// <summary>Writes a failure; for an unknown name only while this minute's allowance lasts, then counts what it left out.</summary>
    private async Task AppendAsync(HubUser? user, AuditEvent entry, CancellationToken cancellationToken)
    {
        if (user is not null)
        {
            await audit.AppendAsync(entry, cancellationToken);
            return;
        }

        int leftOut;
        lock (_unknownSync)
        {
            var now = time.GetUtcNow();
            if (now - _unknownWindow >= TimeSpan.FromMinutes(1))
            {
                _unknownWindow = now;
                _unknownWritten = 0;
            }

            if (_unknownWritten >= options.Value.UnknownNameAuditsPerMinute)
            {
                _unknownLeftOut++;
                return;
            }

            _unknownWritten++;
            leftOut = _unknownLeftOut;
            _unknownLeftOut = 0;
        }

        var detail = leftOut == 0 ? entry.Detail : $"{entry.Detail}; before this, {leftOut} failed sign-ins of unknown names were over the allowance and not written one by one";
        await audit.AppendAsync(entry with { ActorKind = "anonymous", Detail = detail }, cancellationToken);
    }
}
