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

    /// <summary>Failed sign-ins in a row before the user is locked out. Default 5.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>How long a lockout lasts. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

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
