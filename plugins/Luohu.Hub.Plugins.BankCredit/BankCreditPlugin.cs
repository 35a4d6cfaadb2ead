using Luohu.Hub.Plugins.BankCredit.Bank;
using Luohu.Hub.Sdk.Families;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Luohu.Hub.Plugins.BankCredit;

/// <summary>
/// Entry type of <c>luohu.bank-credit</c>: the partner bank behind <see cref="ICreditProvider"/> (credit.assess,
/// credit.settle, credit.query-settlement) plus <c>credit.reverse</c>, over HttpClient with the standard resilience
/// pipeline (total and per-attempt timeouts, retries where safe, circuit breaker) and a health check that pings the bank.
/// </summary>
public sealed class BankCreditPlugin : IHubPlugin
{
    /// <inheritdoc />
    public void Configure(IPluginBuilder plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var options = BankCreditOptions.From(plugin.Configuration);
        plugin.Services.AddSingleton(options);
        plugin.Services.AddTransient<BankSigningHandler>();
        AddBankClient(plugin.Services, BankClient.Repeatable, options, retry: true);
        AddBankClient(plugin.Services, BankClient.Once, options, retry: false);
        plugin.Services.AddSingleton<BankClient>();
        plugin.Services.AddSingleton<ICreditProvider, BankCreditProvider>();
        plugin
            .AddAction<ReverseSettlementAction, ReverseSettlementRequest, Settlement>(
                "credit.reverse", "Reverse a settlement", "Reverses a settlement at the bank; its amount returns to the credit line. Reversing twice changes nothing.")
            .AddHealthCheck<BankHealthCheck>("bank");
    }

    private static void AddBankClient(IServiceCollection services, string name, BankCreditOptions options, bool retry)
    {
        services.AddHttpClient(name, client => client.BaseAddress = options.BaseUrl)
            .AddStandardResilienceHandler(pipeline =>
            {
                pipeline.TotalRequestTimeout.Timeout = options.TotalTimeout;
                pipeline.AttemptTimeout.Timeout = options.AttemptTimeout;
                pipeline.Retry.MaxRetryAttempts = options.MaxRetries;
                pipeline.Retry.Delay = TimeSpan.FromMilliseconds(200);
                pipeline.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, options.AttemptTimeout.Ticks * 2));
                if (!retry)
                {
                    // Repeating an assessment or reversal is not safe: a second request would be a second decision.
                    pipeline.Retry.DisableForUnsafeHttpMethods();
                }
            });
        services.AddHttpClient(name).AddHttpMessageHandler<BankSigningHandler>().RedactLoggedHeaders(_ => true);
    }
}
