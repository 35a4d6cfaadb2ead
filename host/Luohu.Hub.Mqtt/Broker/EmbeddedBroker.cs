using System.Net;
using System.Security.Cryptography.X509Certificates;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace Luohu.Hub.Mqtt.Broker;

/// <summary>
/// The MQTT broker inside the hub (MQTTnet.Server). Devices sign in with device credentials, publish under the topics
/// their department's grants give it, and what they publish enters the bus in process (source <c>mqtt:broker</c>,
/// no network hop); bus messages matching <see cref="EmbeddedBrokerOptions.Publish"/> are delivered to the clients
/// subscribed to them. QoS 1 publishes are acknowledged after processing (<see cref="Bridge.MqttInboundAck"/>): MQTTnet
/// sends the PUBACK when the publish interceptor returns, so one message per client connection is in processing at a
/// time — a device's readings stay in order, different devices run side by side.
/// </summary>
internal sealed partial class EmbeddedBroker : IHostedService, IAsyncDisposable
{
    internal const string Source = "mqtt:broker";

    private readonly EmbeddedBrokerOptions _options;
    private readonly Bridge.MqttOptions _mqtt;
    private readonly IMessageBus _bus;
    private readonly IDeviceCredentialStore _credentials;
    private readonly IGrantCache _grants;
    private readonly TimeProvider _time;
    private readonly ILogger<EmbeddedBroker> _logger;
    private readonly BrokerPersistence? _persistence;
    private readonly BrokerCounters _counters = new();
    private readonly MqttServer _server;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IMessageSubscription> _busSubscriptions = [];
    private readonly List<string> _endpoints = [];
    private Task _housekeeping = Task.CompletedTask;
    private volatile bool _listening;
    private volatile string? _lastError;
    private volatile string? _lastRejection;

    public EmbeddedBroker(
        IOptions<EmbeddedBrokerOptions> options,
        IOptions<Bridge.MqttOptions> mqtt,
        EmbeddedBrokerPaths paths,
        IMessageBus bus,
        IDeviceCredentialStore credentials,
        IGrantCache grants,
        TimeProvider time,
        ILogger<EmbeddedBroker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(paths);
        _options = options.Value;
        _mqtt = mqtt.Value;
        _bus = bus;
        _credentials = credentials;
        _grants = grants;
        _time = time;
        _logger = logger;
        _persistence = _options.Persist ? new BrokerPersistence(paths.Folder, _options.MaxPendingMessagesPerClient) : null;
        _server = new MqttServerFactory().CreateMqttServer(BuildServerOptions());
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        _server.ClientConnectedAsync += OnClientConnectedAsync;
        _server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        _server.ClientSubscribedTopicAsync += OnSubscribedAsync;
        _server.ClientUnsubscribedTopicAsync += OnUnsubscribedAsync;
        _server.SessionDeletedAsync += OnSessionDeletedAsync;
        _server.ApplicationMessageEnqueuedOrDroppedAsync += OnEnqueuedOrDroppedAsync;
        _server.QueuedApplicationMessageOverwrittenAsync += OnQueueOverflowAsync;
        _server.LoadingRetainedMessageAsync += OnLoadingRetainedAsync;
        _server.RetainedMessageChangedAsync += OnRetainedChangedAsync;
        _server.RetainedMessagesClearedAsync += OnRetainedClearedAsync;
    }

    public BrokerCounters Counters => _counters;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _persistence?.Load();
        RebuildActiveFilters();
        try
        {
            await _server.StartAsync();
            _listening = true;
            MqttBrokerLog.Listening(_logger, _endpoints, _options.AllowAnonymous);
        }
#pragma warning disable CA1031 // A port in use or a bad certificate must not stop the hub: the broker's state says why, /healthz is Degraded.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _lastError = $"the embedded broker could not listen on {string.Join(", ", _endpoints)}: {e.Message}. Free the port, set Hub:Mqtt:Broker:Port, or turn the broker off (Hub:Mqtt:Broker:Enabled=false).";
            MqttBrokerLog.ListenFailed(_logger, e, _lastError);
            return;
        }

        var publish = _options.Publish.Count == 0 ? ["#"] : _options.Publish;
        foreach (var filter in publish)
        {
            _busSubscriptions.Add(_bus.Subscribe(filter, DeliverAsync, new SubscriptionOptions { Name = $"mqtt:broker/{filter}" }));
        }

        _housekeeping = HousekeepingAsync(_stopping.Token);
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
        await _housekeeping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_server.IsStarted)
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }

        _listening = false;
        _persistence?.Save();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _server.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Disconnects every client signed in with the credential (it was revoked).</summary>
    public async Task DisconnectCredentialAsync(string credentialId)
    {
        if (!_server.IsStarted)
        {
            return;
        }

        foreach (var client in await _server.GetClientsAsync())
        {
            if (client.Session.Items[DeviceSession.Key] is DeviceSession { CredentialId: { } id } && id == credentialId)
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MQTTnet.Protocol.MqttDisconnectReasonCode.NotAuthorized, ReasonString = "credential revoked" });
            }
        }
    }

    private MqttServerOptions BuildServerOptions()
    {
        var address = IPAddress.Parse(_options.Address);
        var builder = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(_options.Port)
            .WithDefaultEndpointBoundIPAddress(address)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithPersistentSessions(_options.Persist)
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .WithPendingMessagesOverflowStrategy(MqttPendingMessagesOverflowStrategy.DropOldestQueuedMessage);
        _endpoints.Add($"mqtt://{address}:{_options.Port}");
        if (_options.TlsPort is { } tlsPort)
        {
            using var pem = X509Certificate2.CreateFromPemFile(_options.CertFile!, _options.KeyFile!);
            // SslStream needs the key in a persisted form, not the ephemeral one a PEM load gives.
            var certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            builder.WithEncryptedEndpoint()
                .WithEncryptedEndpointPort(tlsPort)
                .WithEncryptedEndpointBoundIPAddress(address)
                .WithEncryptedEndpointBoundIPV6Address(IPAddress.None)
                .WithEncryptionCertificate(certificate)
                .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
            _endpoints.Add($"mqtts://{address}:{tlsPort}");
        }

        return builder.Build();
    }
}
