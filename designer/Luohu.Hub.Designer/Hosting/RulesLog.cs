using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Designer.Hosting;

/// <summary>The rule editor's log messages (event ids 6200–6249).</summary>
internal static partial class RulesLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Warning, Message = "The rule editor could not start in the browser")]
    public static partial void MountFailed(ILogger logger, Exception exception);
}
