using System.Threading.Channels;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Mqtt.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Runtime.Mqtt;

/// <summary>
/// Bridges the bus and an MQTT broker: <see cref="MqttOptions.Subscribe"/> filters come in as bus messages (source
/// <c>mqtt</c>), bus messages matching <see cref="MqttOptions.Publish"/> go out. Two client connections, so that the
/// inbound one may hold its network thread while a message is processed without stopping outbound publishes.
/// </summary>
/// <remarks>
/// <para><b>At-least-once inbound.</b> libmosquitto 2.0.11 queues the QoS 1 PUBACK before calling <c>on_message</c>, but
/// the packet is written by the client's network thread after the callback returns (see <see cref="MosquittoTransport"/>).
/// With <see cref="MqttInboundAck.AfterProcessing"/> the callback returns only once every bus subscription matching the
/// message, every message flows published because of it (followed by the <c>mqtt-delivery</c> header), and the broker's
/// PUBACK of every such message this bridge sent out, are done, or <see cref="MqttOptions.ProcessingTimeout"/> passed.
/// A hub killed before that never acknowledged the message, so with a persistent session (<c>CleanStart</c> false) the
/// broker sends it again on restart. Duplicates are possible (killed after processing, before the PUBACK left); loss is
/// not, except: payloads rejected as oversize, messages dropped by a subscription's drop policy or a full outbound queue
/// (they are counted) and processing that outlasts the timeout.</para>
/// <para>Messages that came from MQTT are never sent back out (loop prevention by source).</para>
/// </remarks>
internal sealed partial class MqttBridge : IHostedService, IMqttTransportHandler, IMqttBridgeStatus, IAsyncDisposable
{
    private const string Source = "mqtt";

    private readonly MqttOptions _options;
    private readonly MqttBrokerAddress _address;
    private readonly IMessageBus _bus;
    private readonly IMqttTransportFactory _factory;
    private readonly MqttDeliveryTracker _tracker;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttBridge> _logger;
    private readonly MqttTopicMapper _mapper;
    private readonly MqttBridgeCounters _counters = new();
    private readonly Channel<MqttOutboundItem> _queue;
    private readonly SemaphoreSlim _inflightSlots;
    private readonly Dictionary<int, MqttOutboundItem> _inflight = [];
    private readonly Lock _inflightGate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IMessageSubscription> _busSubscriptions = [];
    private readonly int _qos;

    private IMqttTransport? _inbound;
    private IMqttTransport? _outbound;
    private Task? _pump;
    private volatile string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private volatile string? _lastRejection;
    private int _shedding;

    public MqttBridge(
        IOptions<MqttOptions> options,
        IMessageBus bus,
        IMqttTransportFactory factory,
        MqttDeliveryTracker tracker,
        TimeProvider time,
        ILogger<MqttBridge> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _address = MqttBrokerAddress.Parse(_options.Url!);
        _bus = bus;
        _factory = factory;
        _tracker = tracker;
        _time = time;
        _logger = logger;
        _mapper = new MqttTopicMapper(_options.Mappings);
        _qos = _options.Qos;
        _inflightSlots = new SemaphoreSlim(_options.MaxInflight);
        _queue = Channel.CreateBounded<MqttOutboundItem>(
            new BoundedChannelOptions(_options.OutboundQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnShed);
    }

    private bool TracksProcessing => _options.InboundAck == MqttInboundAck.AfterProcessing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var broker = _address.ToString();
        var subscribe = string.Join(", ", _options.Subscribe);
        var publish = string.Join(", ", _options.Publish);
        MqttLog.Starting(_logger, broker, _options.ProtocolVersion, subscribe, publish, _options.InboundAck);
        if (_options.Subscribe.Count > 0)
        {
            _inbound = _factory.Create(TransportOptions(_options.ClientId, withWill: true));
        }

        if (_options.Publish.Count > 0)
        {
            _outbound = _factory.Create(TransportOptions($"{_options.ClientId}-out", withWill: _inbound is null));
            foreach (var filter in _options.Publish)
            {
                _busSubscriptions.Add(_bus.Subscribe(filter, OnBusMessageAsync, new SubscriptionOptions { Name = $"mqtt:out/{filter}" }));
            }

            _pump = PumpAsync(_stopping.Token);
        }

        _inbound?.Start(this);
        _outbound?.Start(this);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var subscription in _busSubscriptions)
        {
            await subscription.DisposeAsync();
        }

        _busSubscriptions.Clear();
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _inbound?.Dispose();
        _outbound?.Dispose();
        MqttLog.Stopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None);
        }

        _stopping.Dispose();
        _inflightSlots.Dispose();
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
        QueueDepth = _queue.Reader.Count,
        QueueCapacity = _options.OutboundQueueCapacity,
        Inflight = _options.MaxInflight - _inflightSlots.CurrentCount,
        Subscriptions = [.. _options.Subscribe],
        Publish = [.. _options.Publish],
    };

    public void OnConnected(IMqttTransport transport, bool sessionPresent)
    {
        Interlocked.Increment(ref _counters.Connects);
        MqttLog.Connected(_logger, transport.ClientId, sessionPresent);
        if (transport == _outbound)
        {
            Volatile.Write(ref _shedding, 0);
            return;
        }

        // Always resubscribe: harmless with a present session, necessary without one.
        foreach (var filter in _options.Subscribe)
        {
            try
            {
                transport.Subscribe(filter, _qos, 0);
            }
            catch (MqttTransportException e)
            {
                RecordError(e.Message);
                MqttLog.OperationFailed(_logger, e, $"subscribe to '{filter}'");
            }
        }
    }

    public void OnDisconnected(IMqttTransport transport, string reason)
    {
        RecordError($"{transport.ClientId}: {reason}");
        MqttLog.Disconnected(_logger, transport.ClientId, reason);
    }

    private MqttTransportOptions TransportOptions(string clientId, bool withWill) => new()
    {
        Host = _address.Host,
        Port = _address.Port,
        UseTls = _address.UseTls,
        ClientId = clientId,
        CaFile = _options.CaFile,
        CertFile = _options.CertFile,
        KeyFile = _options.KeyFile,
        Username = _options.Username,
        Password = _options.Password,
        ProtocolVersion = _options.ProtocolVersion == "3.1.1" ? 4 : 5,
        KeepAliveSeconds = _options.KeepAliveSeconds,
        CleanStart = _options.CleanStart,
        SessionExpirySeconds = _options.CleanStart ? 0 : _options.SessionExpirySeconds,
        LastWill = withWill ? _options.LastWill : null,
        ReconnectMin = _options.ReconnectMinDelay,
        ReconnectMax = _options.ReconnectMaxDelay,
    };

    private void RecordError(string error)
    {
        _lastError = error;
        _lastErrorAt = _time.GetUtcNow();
    }
}
