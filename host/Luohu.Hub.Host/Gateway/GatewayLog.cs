namespace Luohu.Hub.Host.Gateway;

/// <summary>Log messages of the gateway (event ids 5120–5139).</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 5120, Level = LogLevel.Debug, Message = "Consumer {Consumer} hit the {Policy} rate limit; retry after {RetryAfterSeconds} s")]
    public static partial void RateLimited(ILogger logger, string consumer, string policy, int retryAfterSeconds);

    [LoggerMessage(EventId = 5121, Level = LogLevel.Debug, Message = "Data service {Dataset} answer rebuilt at version {Version} ({Bytes} bytes, filter '{Filter}')")]
    public static partial void Rebuilt(ILogger logger, string dataset, long version, int bytes, string filter);
}
