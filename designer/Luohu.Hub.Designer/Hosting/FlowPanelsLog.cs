using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Designer.Hosting;

/// <summary>Log messages of the flow editor's versions and debug panels (event ids 6150–6199).</summary>
internal static partial class FlowPanelsLog
{
    [LoggerMessage(EventId = 6150, Level = LogLevel.Warning, Message = "The {Panel} panel of flow '{FlowId}' failed in the browser when asked to {Method}")]
    public static partial void PanelCallFailed(ILogger logger, Exception exception, string panel, string method, string flowId);
}
