using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>The plugin's logs inside its process, sent to the hub's logging as notifications (never awaited).</summary>
internal sealed class RemoteLoggerProvider(JsonRpc rpc) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RemoteLogger(rpc, categoryName);

    public void Dispose()
    {
    }

    private sealed class RemoteLogger(JsonRpc rpc, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (exception is not null)
            {
                message = $"{message} ({PluginErrors.Describe(exception)})";
            }

            _ = rpc.NotifyAsync("Log", category, (int)logLevel, message);
        }
    }
}
