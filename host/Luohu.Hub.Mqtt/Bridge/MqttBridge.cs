using System.Threading.Channels;
using Luohu.Hub.Runtime.Bus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Luohu.Hub.Mqtt.Bridge;

/// <summary>
/// Bridges the bus and an external MQTT broker (MQTTnet client): <see cref="MqttOptions.Subscribe"/> filters come in as
/// bus messages (source <c>mqtt</c>), bus messages matching <see cref="MqttOptions.Publish"/> go out. Two connections,
/// so that inbound flow control (unacknowledged messages) never holds up outbound publishes.
/// </summary>
/// <remarks>
/// <para><b>At-least-once inbound, many at once.</b> QoS 1 messages are taken with MQTTnet's manual acknowledgement:
/// each one carries a <see cref="MessageDelivery"/> through the bus and the flows, and its PUBACK is sent (in arrival
/// order, <see cref="AckSequencer"/>) once every subscription that got it, every message flows published because of it,
/// and the broker's PUBACK of each of those the bridge sent out, are done — or the acknowledgements stood still for
/// <see cref="MqttOptions.ProcessingTimeout"/>. Up to <see cref="MqttOptions.ReceiveMaximum"/> are in processing at once; nothing blocks a thread meanwhile.
/// A hub killed before that never acknowledged the message, so with a persistent session the broker sends it again.</para>
/// <para><b>Outbound, two queues.</b> A bus message that is part of an inbound delivery waits in a queue that is never
/// shed: when it is full the bus subscription, and through it the flow and the broker's receive window, wait (shedding
/// it would acknowledge a message whose result was thrown away). Every other message (a plugin's event, a message from
/// the API) goes through a queue that sheds its oldest when full, counted as dropped: fresh readings beat stale ones
/// while the broker is away. Each holds <see cref="MqttOptions.OutboundQueueCapacity"/>; what waits for an inbound
/// delivery leaves first.</para>
/// <para>Messages that came from MQTT are never sent back out (loop prevention by source).</para>
/// </remarks>
internal sealed partial class MqttBridge : IHostedService, IAsyncDisposable
{
    internal const string Source = "mqtt";

    private readonly MqttOptions _options;
    private readonly MqttBrokerAddress _address;
    private readonly IMessageBus _bus;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttBridge> _logger;
    private readonly MqttTopicMapper _mapper;
    private readonly MqttBridgeCounters _counters = new();
    private readonly Channel<OutboundItem> _held;
    private readonly Channel<OutboundItem> _queue;
    private readonly SemaphoreSlim _queued = new(0);
    private readonly SemaphoreSlim _inflightSlots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IMessageSubscription> _busSubscriptions = [];
    private readonly MqttQualityOfServiceLevel _qos;

    private MqttConnection? _inbound;
    private MqttConnection? _outbound;
    private AckSequencer? _acks;
    private Task? _pump;
    private Task? _sweep;
    private volatile string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private volatile string? _lastRejection;
    private int _shedding;

    public MqttBridge(IOptions<MqttOptions> options, IMessageBus bus, TimeProvider time, ILogger<MqttBridge> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _address = MqttBrokerAddress.Parse(_options.Url!);
        _bus = bus;
        _time = time;
        _logger = logger;
        _mapper = new MqttTopicMapper(_options.Mappings);
        _qos = (MqttQualityOfServiceLevel)_options.Qos;
        _inflightSlots = new SemaphoreSlim(_options.MaxInflight);
        _held = Channel.CreateBounded<OutboundItem>(
            new BoundedChannelOptions(_options.OutboundQueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _queue = Channel.CreateBounded<OutboundItem>(
            new BoundedChannelOptions(_options.OutboundQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnShed);
    }

    public MqttBridgeCounters Counters => _counters;

    private bool TracksProcessing => _options.InboundAck == MqttInboundAck.AfterProcessing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        MqttLog.Starting(_logger, _address, _options.ProtocolVersion, _options.Subscribe, _options.Publish, _options.InboundAck);
        if (_options.Subscribe.Count > 0)
        {
            _inbound = new MqttConnection(MqttClientOptionsFactory.Create(_options, _address, _options.ClientId, withWill: true), _options, _time, _logger, OnInboundConnectedAsync, RecordError, OnInboundConnecting);
            _inbound.Client.ApplicationMessageReceivedAsync += OnReceivedAsync;
            _sweep = SweepAsync(_stopping.Token);
        }

        if (_options.Publish.Count > 0)
        {
            _outbound = new MqttConnection(MqttClientOptionsFactory.Create(_options, _address, $"{_options.ClientId}-out", withWill: _inbound is null), _options, _time, _logger, OnOutboundConnectedAsync, RecordError);
            foreach (var filter in _options.Publish)
            {
                _busSubscriptions.Add(_bus.Subscribe(filter, OnBusMessageAsync, new SubscriptionOptions { Name = $"mqtt:out/{filter}" }));
            }

            _pump = PumpAsync(_stopping.Token);
        }

        _inbound?.Start();
        _outbound?.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var subscription in _busSubscriptions)
        {
            await subscription.DisposeAsync();
        }

        _busSubscriptions.Clear();
        foreach (var task in new[] { _pump, _sweep, _acks?.CompleteAsync() })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        if (_inbound is not null)
        {
            await _inbound.DisposeAsync();
        }

        if (_outbound is not null)
        {
            await _outbound.DisposeAsync();
        }

        MqttLog.Stopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
        _inflightSlots.Dispose();
        _queued.Dispose();
    }

    public MqttBridgeState GetState() => new()
    {
        Enabled = true,
        Broker = _address.ToString(),
        ProtocolVersion = _options.ProtocolVersion,
        InboundAck = _options.InboundAck.ToString(),
        Connected = (_inbound?.IsConnected ?? true) && (_outbound?.IsConnected ?? true),
        InboundConnected = _inbound?.IsConnected,
        OutboundConnected = _outbound?.IsConnected,
        LastError = _lastError,
        LastErrorAt = _lastErrorAt,
        Connects = Interlocked.Read(ref _counters.Connects),
        Received = Interlocked.Read(ref _counters.Received),
        Sent = Interlocked.Read(ref _counters.Sent),
        Dropped = Interlocked.Read(ref _counters.Dropped),
        Rejected = Interlocked.Read(ref _counters.Rejected),
        LastRejection = _lastRejection,
        Wrapped = Interlocked.Read(ref _counters.Wrapped),
        LoopsPrevented = Interlocked.Read(ref _counters.LoopsPrevented),
        AckTimeouts = Interlocked.Read(ref _counters.AckTimeouts),
        OutboundFailures = Interlocked.Read(ref _counters.OutboundFailures),
        InProcessing = _acks?.Count ?? 0,
        ReceiveMaximum = _options.ReceiveMaximum,
        QueueDepth = _held.Reader.Count + _queue.Reader.Count,
        QueueCapacity = _options.OutboundQueueCapacity,
        Inflight = _options.MaxInflight - _inflightSlots.CurrentCount,
        Subscriptions = [.. _options.Subscribe],
        Publish = [.. _options.Publish],
    };

    /// <summary>A fresh sequencer before each connect: a persistent session's messages may follow the CONNACK at once.</summary>
    private void OnInboundConnecting(MqttConnection connection)
    {
        var previous = Interlocked.Exchange(ref _acks, new AckSequencer(_logger, _time, _stopping.Token));
        _ = previous?.CompleteAsync();
    }

    private async Task OnInboundConnectedAsync(MqttConnection connection, bool sessionPresent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _counters.Connects);

        // Always resubscribe: harmless with a present session, necessary without one.
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in _options.Subscribe)
        {
            subscribe.WithTopicFilter(filter, _qos);
        }

        try
        {
            var result = await connection.Client.SubscribeAsync(subscribe.Build(), cancellationToken);
            foreach (var item in result.Items.Where(i => (int)i.ResultCode >= 0x80))
            {
                RecordError($"{connection.ClientId}: the broker refused the subscription to '{item.TopicFilter.Topic}' ({item.ResultCode})");
            }
        }
        catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException)
        {
            RecordError(e.Message);
            MqttLog.OperationFailed(_logger, e, "subscribe");
        }
    }

    private Task OnOutboundConnectedAsync(MqttConnection connection, bool sessionPresent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _counters.Connects);
        Volatile.Write(ref _shedding, 0);
        return Task.CompletedTask;
    }

    private void RecordError(MqttConnection connection, string error) => RecordError(error);

    private void RecordError(string error)
    {
        _lastError = error;
        _lastErrorAt = _time.GetUtcNow();
    }
}
