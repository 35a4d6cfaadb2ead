using Microsoft.Extensions.Configuration;

namespace Luohu.Hub.Plugins.BankCredit;

/// <summary>
/// The plugin's settings (<c>Hub:Plugins:luohu.bank-credit</c>, or the plugin settings API). <c>PartnerSecret</c> is a
/// secret setting: set it with <c>PUT /api/v1/plugins/luohu.bank-credit/settings { "secrets": { "PartnerSecret": "…" } }</c>.
/// </summary>
internal sealed class BankCreditOptions
{
    public const string SecretName = "PartnerSecret";

    /// <summary>The bank's base address, e.g. <c>http://localhost:5090/</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The hub's partner id at the bank.</summary>
    public required string PartnerId { get; init; }

    /// <summary>Signs every request; never logged, never part of a message. Null until set.</summary>
    public string? PartnerSecret { get; init; }

    /// <summary>One attempt's timeout. Default 2 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>All attempts of one call together. Default 8 s (below the hub's invoke timeout of 10 s).</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Retries of a call that is safe to repeat (reads, settlements under their key). Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    public static BankCreditOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var url = configuration["BaseUrl"] ?? "http://localhost:5090/";
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"Setting BaseUrl of luohu.bank-credit is '{url}'; give the bank's http(s) address, e.g. http://localhost:5090/.");
        }

        var options = new BankCreditOptions
        {
            BaseUrl = baseUrl,
            PartnerId = configuration["PartnerId"] is { Length: > 0 } partner ? partner : "luohu-hub",
            PartnerSecret = configuration[SecretName] is { Length: > 0 } secret ? secret : null,
            AttemptTimeout = Duration(configuration, "AttemptTimeout", TimeSpan.FromSeconds(2)),
            TotalTimeout = Duration(configuration, "TotalTimeout", TimeSpan.FromSeconds(8)),
            MaxRetries = configuration.GetValue("MaxRetries", 3),
        };
        if (options.MaxRetries is < 1 or > 10 || options.AttemptTimeout <= TimeSpan.Zero || options.TotalTimeout < options.AttemptTimeout)
        {
            throw new InvalidOperationException("Settings of luohu.bank-credit: MaxRetries must be 1 to 10, AttemptTimeout positive and TotalTimeout at least AttemptTimeout.");
        }

        return options;
    }

    private static TimeSpan Duration(IConfiguration configuration, string name, TimeSpan fallback) =>
        configuration[name] is not { Length: > 0 } text ? fallback
        : TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value
        : throw new InvalidOperationException($"Setting {name} of luohu.bank-credit is '{text}'; give a duration such as 00:00:02.");
}
