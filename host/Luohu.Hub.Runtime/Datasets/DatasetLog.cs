using Microsoft.Extensions.Logging;

namespace Luohu.Hub.Runtime.Datasets;

/// <summary>Log messages of the datasets (event ids 5100–5119 of the gateway's range).</summary>
internal static partial class DatasetLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Dataset {Dataset} declared")]
    public static partial void Declared(ILogger logger, string dataset);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Dataset {Dataset} record {Key} removed (version {Version})")]
    public static partial void Removed(ILogger logger, string dataset, string key, long version);
}
