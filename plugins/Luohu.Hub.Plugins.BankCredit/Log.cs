using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Plugins.BankCredit;

/// <summary>The plugin's log messages; event ids are stable. None carries the partner secret or a signature.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Bank credit ready: bank {BaseUrl}, partner {PartnerId}, secret {SecretState}")]
    public static partial void Ready(ILogger logger, Uri baseUrl, string partnerId, string secretState);
}
