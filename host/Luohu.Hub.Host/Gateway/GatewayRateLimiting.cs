using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Host.Gateway;

/// <summary>The per-consumer token buckets of the gateway and the 429 problem a rejected request gets.</summary>
internal static class GatewayRateLimiting
{
    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(GatewayPolicies.Capabilities, context => Partition(context, GatewayPolicies.Capabilities));
        limiter.AddPolicy(GatewayPolicies.Data, context => Partition(context, GatewayPolicies.Data));
        limiter.OnRejected = RejectAsync;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy)
    {
        var consumer = GatewayConsumer.Resolve(context);
        var options = Policy(context, policy);
        return RateLimitPartition.GetTokenBucketLimiter(consumer, id =>
        {
            var (permits, burst) = options.For(id);
            return new TokenBucketRateLimiterOptions
            {
                TokensPerPeriod = permits,
                TokenLimit = burst,
                ReplenishmentPeriod = options.Period,
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            };
        });
    }

    private static RateLimitPolicyOptions Policy(HttpContext context, string policy)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimits;
        return policy == GatewayPolicies.Capabilities ? limits.Capabilities : limits.Data;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "global";
        var consumer = GatewayConsumer.Resolve(context);
        var options = Policy(context, policy);
        var (permits, burst) = options.For(consumer);
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : Math.Max(1, (int)Math.Ceiling(options.Period.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayRateLimiting));
        GatewayLog.RateLimited(logger, consumer, policy, seconds);

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Rate limit exceeded",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"This consumer may make {permits} '{policy}' requests per {options.Period.TotalSeconds:0.###} s (bursts of {burst}); retry after {seconds} s, or ask the hub's operators for a higher limit (Hub:Gateway:RateLimits:{policy}:Overrides)."),
                Extensions =
                {
                    ["policy"] = policy,
                    ["permitsPerPeriod"] = permits,
                    ["periodSeconds"] = options.Period.TotalSeconds,
                    ["burst"] = burst,
                    ["retryAfterSeconds"] = seconds,
                },
            },
        });
    }
}
