using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Designer.Hosting;

/// <summary>The flow editor's log messages (event ids 6100–6149).</summary>
internal static partial class FlowEditorLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "The flow editor of '{FlowId}' could not start in the browser")]
    public static partial void StartFailed(ILogger logger, Exception exception, string flowId);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Flow '{FlowId}' deployed as v{Version} from the designer")]
    public static partial void Deployed(ILogger logger, string flowId, int version);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "The flow editor of '{FlowId}' could not reload its draft after a rollback")]
    public static partial void ReloadFailed(ILogger logger, Exception exception, string flowId);
}
