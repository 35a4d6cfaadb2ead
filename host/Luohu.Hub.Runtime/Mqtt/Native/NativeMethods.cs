using System.Runtime.InteropServices;

namespace Luohu.Hub.Runtime.Mqtt.Native;

/// <summary>
/// libmosquitto 2.0 (Debian <c>libmosquitto1</c>) as declared in <c>/usr/include/mosquitto.h</c>. C <c>bool</c> is one
/// byte, hence every <c>bool</c> is marshalled as <see cref="UnmanagedType.U1"/>.
/// </summary>
#pragma warning disable CA2101 // Every string is marshalled explicitly as LPUTF8Str (libmosquitto takes UTF-8); the rule only recognises LPStr/LPWStr.
internal static class NativeMethods
{
    public const int ErrSuccess = 0;
    public const int OptProtocolVersion = 1;
    public const int OptTcpNoDelay = 11;
    public const int PropSessionExpiryInterval = 17;
    public const int PropUserProperty = 38;

    private const string Library = "libmosquitto.so.1";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void ConnectV5Callback(IntPtr mosq, IntPtr obj, int rc, int flags, IntPtr props);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void DisconnectV5Callback(IntPtr mosq, IntPtr obj, int rc, IntPtr props);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void MessageV5Callback(IntPtr mosq, IntPtr obj, IntPtr message, IntPtr props);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void PublishV5Callback(IntPtr mosq, IntPtr obj, int mid, int reasonCode, IntPtr props);

    [DllImport(Library)]
    public static extern int mosquitto_lib_init();

    [DllImport(Library)]
    public static extern int mosquitto_lib_cleanup();

    [DllImport(Library)]
    public static extern IntPtr mosquitto_new([MarshalAs(UnmanagedType.LPUTF8Str)] string id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, IntPtr obj);

    [DllImport(Library)]
    public static extern void mosquitto_destroy(IntPtr mosq);

    [DllImport(Library)]
    public static extern int mosquitto_int_option(IntPtr mosq, int option, int value);

    [DllImport(Library)]
    public static extern int mosquitto_threaded_set(IntPtr mosq, [MarshalAs(UnmanagedType.U1)] bool threaded);

    [DllImport(Library)]
    public static extern int mosquitto_tls_set(
        IntPtr mosq,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string? caFile,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string? caPath,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string? certFile,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string? keyFile,
        IntPtr passwordCallback);

    [DllImport(Library)]
    public static extern int mosquitto_username_pw_set(IntPtr mosq, [MarshalAs(UnmanagedType.LPUTF8Str)] string? username, [MarshalAs(UnmanagedType.LPUTF8Str)] string? password);

    [DllImport(Library)]
    public static extern int mosquitto_will_set(
        IntPtr mosq, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int payloadLength, byte[] payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

    [DllImport(Library)]
    public static extern int mosquitto_connect_bind_v5(
        IntPtr mosq, [MarshalAs(UnmanagedType.LPUTF8Str)] string host, int port, int keepalive, IntPtr bindAddress, IntPtr properties);

    [DllImport(Library)]
    public static extern int mosquitto_disconnect(IntPtr mosq);

    [DllImport(Library)]
    public static extern int mosquitto_loop(IntPtr mosq, int timeoutMs, int maxPackets);

    [DllImport(Library)]
    public static extern int mosquitto_subscribe_v5(
        IntPtr mosq, out int mid, [MarshalAs(UnmanagedType.LPUTF8Str)] string subscription, int qos, int options, IntPtr properties);

    [DllImport(Library)]
    public static extern int mosquitto_publish_v5(
        IntPtr mosq, out int mid, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int payloadLength, ref byte payload, int qos,
        [MarshalAs(UnmanagedType.U1)] bool retain, IntPtr properties);

    [DllImport(Library)]
    public static extern void mosquitto_connect_v5_callback_set(IntPtr mosq, ConnectV5Callback callback);

    [DllImport(Library)]
    public static extern void mosquitto_disconnect_v5_callback_set(IntPtr mosq, DisconnectV5Callback callback);

    [DllImport(Library)]
    public static extern void mosquitto_message_v5_callback_set(IntPtr mosq, MessageV5Callback callback);

    [DllImport(Library)]
    public static extern void mosquitto_publish_v5_callback_set(IntPtr mosq, PublishV5Callback callback);

    [DllImport(Library)]
    public static extern IntPtr mosquitto_strerror(int errorCode);

    [DllImport(Library)]
    public static extern IntPtr mosquitto_connack_string(int reasonCode);

    [DllImport(Library)]
    public static extern int mosquitto_property_add_int32(ref IntPtr properties, int identifier, uint value);

    [DllImport(Library)]
    public static extern void mosquitto_property_free_all(ref IntPtr properties);

    [DllImport(Library)]
    public static extern IntPtr mosquitto_property_read_string_pair(
        IntPtr properties, int identifier, out IntPtr name, out IntPtr value, [MarshalAs(UnmanagedType.U1)] bool skipFirst);

    [DllImport("libc", EntryPoint = "free")]
    public static extern void Free(IntPtr pointer);

    public static string ErrorText(int code) => Marshal.PtrToStringUTF8(mosquitto_strerror(code)) ?? $"error {code}";
}
#pragma warning restore CA2101
