using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luohu.Hub.Plugins.BankCredit.Bank;

/// <summary>Pings the bank with a signed request: proves it is up and accepts the hub's signature.</summary>
internal sealed class BankHealthCheck(BankClient bank, BankCreditOptions options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.PartnerSecret is null)
        {
            return HealthCheckResult.Unhealthy("The secret setting PartnerSecret is not set.");
        }

        var started = time.GetTimestamp();
        try
        {
            await bank.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"The bank at {options.BaseUrl} answered in {time.GetElapsedTime(started).TotalMilliseconds:0} ms.");
        }
        catch (BankFailedException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
