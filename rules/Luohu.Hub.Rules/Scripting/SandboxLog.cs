using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Rules.Scripting;

internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Script stopped by its {Kind} limit ({Limit}) at line {Line}")]
    public static partial void LimitExceeded(ILogger logger, ScriptLimitKind kind, long limit, int? line);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "The script engine failed unexpectedly at line {Line}")]
    public static partial void EngineFailed(ILogger logger, Exception exception, int? line);
}
