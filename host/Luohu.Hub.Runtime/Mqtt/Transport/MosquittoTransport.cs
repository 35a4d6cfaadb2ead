using System.Runtime.InteropServices;
using System.Text;
using Luohu.Hub.Runtime.Mqtt.Native;

namespace Luohu.Hub.Runtime.Mqtt.Transport;

/// <summary>
/// One libmosquitto client driven by a network thread of our own (<c>mosquitto_loop</c>), not by
/// <c>mosquitto_loop_start</c>: libmosquitto's own reconnect sends CONNECT without properties, which would drop the
/// MQTT 5 session expiry and with it the persistent session, so this thread reconnects with
/// <c>mosquitto_connect_bind_v5</c> and its own backoff instead.
/// </summary>
/// <remarks>
/// libmosquitto 2.0.11 calls <c>send__puback</c> before <c>on_message</c> (lib/handle_publish.c), but with
/// <c>mosquitto_threaded_set(true)</c> that only queues the packet: it is written by this same thread when the loop
/// regains control, i.e. after the callback returned. The bridge relies on that (see MqttBridge); the test
/// <c>PubackIsSentOnlyAfterTheMessageCallbackReturns</c> checks it against the broker's log.
/// </remarks>
internal sealed class MosquittoTransport : IMqttTransport
{
    private static readonly Lock InitGate = new();
    private static int _libraryUsers;

    private readonly MqttTransportOptions _options;
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _stop = new();

    // Rooted here for the life of the native client: libmosquitto keeps only the raw function pointers.
    private readonly NativeMethods.ConnectV5Callback _onConnect;
    private readonly NativeMethods.DisconnectV5Callback _onDisconnect;
    private readonly NativeMethods.MessageV5Callback _onMessage;
    private readonly NativeMethods.PublishV5Callback _onPublish;

    private IntPtr _handle;
    private IntPtr _connectProperties;
    private Thread? _thread;
    private IMqttTransportHandler? _handler;
    private volatile bool _connected;
    private bool _connectedOnce;
    private bool _disposed;

    public MosquittoTransport(MqttTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _onConnect = OnConnect;
        _onDisconnect = OnDisconnect;
        _onMessage = OnMessage;
        _onPublish = OnPublish;
        lock (InitGate)
        {
            if (_libraryUsers++ == 0)
            {
                _ = NativeMethods.mosquitto_lib_init();
            }
        }

        _handle = NativeMethods.mosquitto_new(options.ClientId, options.CleanStart, IntPtr.Zero);
        if (_handle == IntPtr.Zero)
        {
            ReleaseLibrary();
            throw new MqttTransportException($"libmosquitto could not create client '{options.ClientId}' (out of memory or invalid id).");
        }

        Configure();
    }

    public string ClientId => _options.ClientId;

    public bool IsConnected => _connected;

    public void Start(IMqttTransportHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _handler = handler;
        _thread = new Thread(RunLoop) { IsBackground = true, Name = $"mqtt:{_options.ClientId}" };
        _thread.Start();
    }

    public int Subscribe(string filter, int qos, int options)
    {
        var rc = NativeMethods.mosquitto_subscribe_v5(LiveHandle(), out var mid, filter, qos, _options.ProtocolVersion == 5 ? options : 0, IntPtr.Zero);
        return rc == NativeMethods.ErrSuccess ? mid : throw Failure($"subscribe to '{filter}'", rc);
    }

    public int Publish(string topic, ReadOnlySpan<byte> payload, int qos, bool retain)
    {
        byte empty = 0;
        ref var first = ref payload.IsEmpty ? ref empty : ref MemoryMarshal.GetReference(payload);
        var rc = NativeMethods.mosquitto_publish_v5(LiveHandle(), out var mid, topic, payload.Length, ref first, qos, retain, IntPtr.Zero);
        return rc == NativeMethods.ErrSuccess ? mid : throw Failure($"publish to '{topic}'", rc);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _stop.Set();
        if (_connected)
        {
            _ = NativeMethods.mosquitto_disconnect(_handle);
        }

        // The loop wakes within its select timeout; a handler blocked in OnMessage is released by the bridge's stop token.
        _thread?.Join(TimeSpan.FromSeconds(5));
        if (_thread is null || !_thread.IsAlive)
        {
            NativeMethods.mosquitto_destroy(_handle);
            if (_connectProperties != IntPtr.Zero)
            {
                NativeMethods.mosquitto_property_free_all(ref _connectProperties);
            }

            ReleaseLibrary();
        }

        _handle = IntPtr.Zero;
        _stop.Dispose();
    }

    private static void ReleaseLibrary()
    {
        lock (InitGate)
        {
            if (--_libraryUsers == 0)
            {
                _ = NativeMethods.mosquitto_lib_cleanup();
            }
        }
    }

    private static string? Utf8(IntPtr pointer) => pointer == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(pointer);

    private void Configure()
    {
        Check(NativeMethods.mosquitto_int_option(_handle, NativeMethods.OptProtocolVersion, _options.ProtocolVersion), "set the protocol version");
        Check(NativeMethods.mosquitto_int_option(_handle, NativeMethods.OptTcpNoDelay, 1), "set TCP_NODELAY");
        Check(NativeMethods.mosquitto_threaded_set(_handle, true), "mark the client threaded");
        if (_options.UseTls)
        {
            Check(NativeMethods.mosquitto_tls_set(_handle, _options.CaFile, _options.CaFile is null ? "/etc/ssl/certs" : null, _options.CertFile, _options.KeyFile, IntPtr.Zero),
                $"set up TLS (CaFile '{_options.CaFile}', CertFile '{_options.CertFile}', KeyFile '{_options.KeyFile}'; check the files exist and are PEM)");
        }

        if (_options.Username is not null)
        {
            Check(NativeMethods.mosquitto_username_pw_set(_handle, _options.Username, _options.Password), "set username/password");
        }

        if (_options.LastWill is { } will)
        {
            var payload = Encoding.UTF8.GetBytes(will.Payload);
            Check(NativeMethods.mosquitto_will_set(_handle, will.Topic, payload.Length, payload, will.Qos, will.Retain), $"set the last will on '{will.Topic}'");
        }

        if (_options.ProtocolVersion == 5 && _options.SessionExpirySeconds > 0)
        {
            Check(NativeMethods.mosquitto_property_add_int32(ref _connectProperties, NativeMethods.PropSessionExpiryInterval, _options.SessionExpirySeconds), "set the session expiry");
        }

        NativeMethods.mosquitto_connect_v5_callback_set(_handle, _onConnect);
        NativeMethods.mosquitto_disconnect_v5_callback_set(_handle, _onDisconnect);
        NativeMethods.mosquitto_message_v5_callback_set(_handle, _onMessage);
        NativeMethods.mosquitto_publish_v5_callback_set(_handle, _onPublish);
    }

    private void RunLoop()
    {
        var delay = _options.ReconnectMin;
        while (!_stop.IsSet)
        {
            var rc = NativeMethods.mosquitto_connect_bind_v5(_handle, _options.Host, _options.Port, _options.KeepAliveSeconds, IntPtr.Zero, _connectProperties);
            if (rc == NativeMethods.ErrSuccess)
            {
                while (!_stop.IsSet && rc == NativeMethods.ErrSuccess)
                {
                    rc = NativeMethods.mosquitto_loop(_handle, 1000, 1);
                }

                if (_connected)
                {
                    _connected = false;
                    _handler!.OnDisconnected(this, $"connection lost: {NativeMethods.ErrorText(rc)}");
                }
                else if (!_stop.IsSet)
                {
                    _handler!.OnDisconnected(this, $"connection to {_options.Host}:{_options.Port} closed before CONNACK: {NativeMethods.ErrorText(rc)}");
                }
            }
            else
            {
                _handler!.OnDisconnected(this, $"cannot connect to {_options.Host}:{_options.Port}: {NativeMethods.ErrorText(rc)}");
            }

            if (_connectedOnce)
            {
                delay = _options.ReconnectMin;
                _connectedOnce = false;
            }

            if (_stop.Wait(delay))
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMax.Ticks));
        }
    }

    private void OnConnect(IntPtr mosq, IntPtr obj, int rc, int flags, IntPtr props)
    {
        if (rc != 0)
        {
            _handler!.OnDisconnected(this, $"broker refused the connection: {Utf8(NativeMethods.mosquitto_connack_string(rc))} (code {rc})");
            return;
        }

        _connected = true;
        _connectedOnce = true;
        _handler!.OnConnected(this, (flags & 1) != 0);
    }

    private void OnDisconnect(IntPtr mosq, IntPtr obj, int rc, IntPtr props)
    {
        if (_connected)
        {
            _connected = false;
            _handler!.OnDisconnected(this, rc == 0 ? "disconnected" : $"connection lost: {NativeMethods.ErrorText(rc)}");
        }
    }

    private void OnMessage(IntPtr mosq, IntPtr obj, IntPtr message, IntPtr props)
    {
        // struct mosquitto_message { int mid; char *topic; void *payload; int payloadlen; int qos; bool retain; } on LP64.
        var topic = Utf8(Marshal.ReadIntPtr(message, 8)) ?? string.Empty;
        var payloadPointer = Marshal.ReadIntPtr(message, 16);
        var length = Marshal.ReadInt32(message, 24);
        var qos = Marshal.ReadInt32(message, 28);
        var retain = Marshal.ReadByte(message, 32) != 0;
        var payload = new byte[length];
        if (length > 0)
        {
            Marshal.Copy(payloadPointer, payload, 0, length);
        }

        _handler!.OnMessage(this, new MqttInboundMessage(topic, payload, qos, retain, ReadUserProperties(props)));
    }

    private void OnPublish(IntPtr mosq, IntPtr obj, int mid, int reasonCode, IntPtr props) =>
        _handler!.OnPublished(this, mid, reasonCode);

    private static List<KeyValuePair<string, string>> ReadUserProperties(IntPtr props)
    {
        var result = new List<KeyValuePair<string, string>>();
        var skipFirst = false;
        var current = props;
        while (current != IntPtr.Zero)
        {
            current = NativeMethods.mosquitto_property_read_string_pair(current, NativeMethods.PropUserProperty, out var name, out var value, skipFirst);
            if (current == IntPtr.Zero)
            {
                break;
            }

            result.Add(new(Utf8(name) ?? string.Empty, Utf8(value) ?? string.Empty));
            NativeMethods.Free(name);
            NativeMethods.Free(value);
            skipFirst = true;
        }

        return result;
    }

    private IntPtr LiveHandle()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _handle;
    }

    private MqttTransportException Failure(string what, int rc) =>
        new($"MQTT client '{_options.ClientId}' could not {what}: {NativeMethods.ErrorText(rc)} (libmosquitto error {rc}).");

    private void Check(int rc, string what)
    {
        if (rc != NativeMethods.ErrSuccess)
        {
            throw Failure(what, rc);
        }
    }
}
