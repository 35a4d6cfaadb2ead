using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>
/// One MQTTnet client kept connected: connects, and after every loss reconnects with a doubling backoff
/// (<see cref="MqttOptions.ReconnectMinDelay"/> to <see cref="MqttOptions.ReconnectMaxDelay"/>). MQTTnet 5 has no
/// managed client, so this loop is the bridge's own.
/// </summary>
internal sealed class MqttConnection : IAsyncDisposable
{
    private readonly MqttClientOptions _clientOptions;
    private readonly MqttOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<MqttConnection, bool, CancellationToken, Task> _onConnected;
    private readonly Action<MqttConnection, string> _onError;
    private readonly Action<MqttConnection>? _onConnecting;
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    public MqttConnection(
        MqttClientOptions clientOptions,
        MqttOptions options,
        TimeProvider time,
        ILogger logger,
        Func<MqttConnection, bool, CancellationToken, Task> onConnected,
        Action<MqttConnection, string> onError,
        Action<MqttConnection>? onConnecting = null)
    {
        _onConnecting = onConnecting;
        _clientOptions = clientOptions;
        _options = options;
        _time = time;
        _logger = logger;
        _onConnected = onConnected;
        _onError = onError;
        Client = new MqttClientFactory().CreateMqttClient();
        Client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public IMqttClient Client { get; }

    public string ClientId => _clientOptions.ClientId;

    public bool IsConnected => Client.IsConnected;

    /// <summary>Bumped on every connect: acknowledgements of an older connection are not sent on a newer one.</summary>
    public int Generation { get; private set; }

    public void Start() => _loop = RunAsync(_stopping.Token);

    /// <summary>Waits until connected (or stopping).</summary>
    public async Task WaitConnectedAsync(CancellationToken cancellationToken)
    {
        while (!Client.IsConnected)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
            {
                // Going away anyway.
            }
        }

        Client.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = _options.ReconnectMinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                _lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _onConnecting?.Invoke(this);
                var result = await Client.ConnectAsync(_clientOptions, cancellationToken);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new MqttCommunicationException($"the broker refused the connection: {result.ResultCode}{(result.ReasonString is { Length: > 0 } why ? $" ({why})" : string.Empty)}");
                }

                Generation++;
                delay = _options.ReconnectMinDelay;
                MqttLog.Connected(_logger, ClientId, result.IsSessionPresent);
                await _onConnected(this, result.IsSessionPresent, cancellationToken);
                await _lost.Task.WaitAsync(cancellationToken);
                continue;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any connect failure (refused, TLS, auth, timeout) is reported and retried; the hub goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var reason = Describe(e);
                _onError(this, reason);
                MqttLog.Disconnected(_logger, ClientId, reason);
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected)
        {
            var reason = $"{ClientId}: connection to {_clientOptions.ChannelOptions} lost ({e.Reason}{(e.Exception is null ? string.Empty : ": " + e.Exception.Message)})";
            _onError(this, reason);
            MqttLog.Disconnected(_logger, ClientId, reason);
        }

        _lost.TrySetResult();
        return Task.CompletedTask;
    }

    private string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && inner is MqttCommunicationException)
        {
            inner = inner.InnerException;
        }

        return $"{ClientId}: cannot connect to {_clientOptions.ChannelOptions}: {(inner == e ? e.Message : $"{e.Message} ({inner.Message})")}";
    }
}
