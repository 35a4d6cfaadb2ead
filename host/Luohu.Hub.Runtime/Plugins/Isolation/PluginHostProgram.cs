using System.Net.Sockets;
using System.Text;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// The plugin process (<c>Luohu.Hub.PluginHost</c>): connects back to the hub over the Unix domain socket it was
/// given, proves it is the child the hub started (a one-time token from its environment), applies its limits,
/// and serves the channel until the hub hangs up. Ends with the hub: a lost channel ends the process.
/// </summary>
public static class PluginHostProgram
{
    /// <summary>The environment variable carrying the one-time token.</summary>
    public const string TokenVariable = "LUOHU_PLUGINHOST_TOKEN";

    /// <summary>The environment variable carrying the CPU limit in seconds.</summary>
    public const string CpuLimitVariable = "LUOHU_PLUGINHOST_CPU_SECONDS";

    /// <summary>Runs the plugin process; <paramref name="args"/> is <c>--socket &lt;path&gt;</c>.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code: 0 when the hub ended the channel, 2 for a wrong command line.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var socketIndex = Array.IndexOf(args, "--socket");
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (socketIndex < 0 || socketIndex + 1 >= args.Length || string.IsNullOrEmpty(token))
        {
            await Console.Error.WriteLineAsync($"Luohu.Hub.PluginHost is started by the hub: --socket <path> and {TokenVariable} are required.");
            return 2;
        }

        ProcessLimits.LimitCpu(int.TryParse(Environment.GetEnvironmentVariable(CpuLimitVariable), out var cpu) ? cpu : 0);
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is OutOfMemoryException)
            {
                PluginProcessExit.OutOfMemoryReached();
            }
        };

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(args[socketIndex + 1]));
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(token));
        await using var endpoint = new PluginHostEndpoint();
        using var rpc = RpcChannel.Create(stream, endpoint);
        endpoint.Attach(rpc);
        rpc.StartListening();
        try
        {
            await rpc.Completion;
        }
        catch (Exception ex) when (ex is StreamJsonRpc.ConnectionLostException or IOException or ObjectDisposedException)
        {
            // The hub went away; there is nobody left to serve.
        }

        return 0;
    }
}
