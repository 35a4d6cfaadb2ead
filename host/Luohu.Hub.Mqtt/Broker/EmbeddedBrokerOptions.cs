namespace Luohu.Hub.Mqtt.Broker;

/// <summary>
/// The MQTT broker inside the hub (MQTTnet.Server), bound from <c>Hub:Mqtt:Broker</c>. On by default, so devices and
/// vendor systems publish straight into the hub; off when <c>Hub:Mqtt:Url</c> names an external broker (several hub
/// nodes share an external one), unless <see cref="Enabled"/> says otherwise.
/// </summary>
public sealed class EmbeddedBrokerOptions
{
    /// <summary>Default: on unless an external broker is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Plain MQTT port. Default 1883.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address to listen on. Default <c>0.0.0.0</c> (every interface: devices are on the district's network; sign-in is required).</summary>
    public string Address { get; set; } = "0.0.0.0";

    /// <summary>TLS listener port (MQTT over TLS, usually 8883); needs <see cref="CertFile"/> and <see cref="KeyFile"/>. Default none.</summary>
    public int? TlsPort { get; set; }

    /// <summary>PEM certificate of the TLS listener. Default none.</summary>
    public string? CertFile { get; set; }

    /// <summary>PEM private key (unencrypted) of <see cref="CertFile"/>. Default none.</summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// Let clients in without credentials, acting for <see cref="AnonymousDepartment"/> (its stream grants decide what
    /// they may publish and read). Default false: every client signs in with a device credential.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The department anonymous clients act for; required with <see cref="AllowAnonymous"/>.</summary>
    public string? AnonymousDepartment { get; set; }

    /// <summary>
    /// Messages queued per client (MQTTnet's per-client pending queue, which by default keeps 1,000 and silently drops
    /// the oldest). Beyond it the oldest is dropped and counted per client on <c>/api/v1/mqtt</c>. Default 10000.
    /// </summary>
    public int MaxPendingMessagesPerClient { get; set; } = 10_000;

    /// <summary>Messages per second one client may publish before it is throttled (token bucket). Default 2000.</summary>
    public int MaxMessagesPerSecondPerClient { get; set; } = 2_000;

    /// <summary>Messages a client may publish in a burst above the rate. Default 4000.</summary>
    public int FloodBurst { get; set; } = 4_000;

    /// <summary>A client throttled without pause for this long is disconnected (counted). Default 10 s.</summary>
    public TimeSpan FloodDisconnectAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bus filters whose messages the broker delivers to subscribed clients. Default <c>#</c> (every bus message a client's grants let it read).</summary>
    public IList<string> Publish { get; } = [];

    /// <summary>QoS of bus messages delivered to clients (at most the subscription's). Default 1.</summary>
    public int Qos { get; set; } = 1;

    /// <summary>Keep sessions of clients that asked for one (clean start off) and retained messages across a restart, in <c>{DataPath}/mqtt</c>. Default true.</summary>
    public bool Persist { get; set; } = true;
}
