namespace Luohu.Hub.Runtime.Security;

/// <summary>Sign-in and key settings, bound from <c>Hub:Auth</c>.</summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Hub:Auth";

    /// <summary>
    /// The first <c>admin</c>'s password, used only when the store has no user yet. Default none: a random one is
    /// generated and printed once to the console.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// Failed sign-ins of one user name from one address before that address may not try the name again for
    /// <see cref="LockoutDuration"/>. Other addresses are not affected: a stranger cannot lock the owner out. Default 5.
    /// </summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a name is held back from an address that failed it <see cref="LockoutThreshold"/> times. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts one address may make per minute, right or wrong (each costs a slow hash). Default 30.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;

    /// <summary>
    /// Failures of one name, from all addresses together within <see cref="LockoutDuration"/>, after which the name is
    /// tried at most once per <see cref="AccountSlowdownInterval"/> (guessing from many addresses). Default 50.
    /// </summary>
    public int AccountFailuresBeforeSlowdown { get; set; } = 50;

    /// <summary>The pace of a name that failed <see cref="AccountFailuresBeforeSlowdown"/> times. Default 10 seconds.</summary>
    public TimeSpan AccountSlowdownInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Failed sign-ins of unknown names written to the audit log one by one per minute; beyond that they are counted
    /// and the next entry says how many were left out, so strangers cannot grow the log at will. Default 60.
    /// </summary>
    public int UnknownNameAuditsPerMinute { get; set; } = 60;

    /// <summary>Sign-in cookie lifetime, renewed while used (sliding). Default 8 hours.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Lifetime of a new API key when the request names none. Default 365 days.</summary>
    public TimeSpan DefaultKeyLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Longest lifetime a key may be given. Default 2 years.</summary>
    public TimeSpan MaxKeyLifetime { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How often a key's last-used time is written at most. Default 1 minute.</summary>
    public TimeSpan KeyLastUsedInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the store is seeded with the district's departments and sample grants at first start. Default true.</summary>
    public bool SeedDistrict { get; set; } = true;
}
