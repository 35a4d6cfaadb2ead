using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Luohu.Hub.Sdk.Plugins;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>
/// One running plugin process: started, connected and loaded by <see cref="StartAsync"/>; <see cref="Exited"/>
/// completes with a sentence saying why it ended (a signal, a limit, a stack overflow, an exit code).
/// </summary>
internal sealed class PluginProcess : IAsyncDisposable
{
    private const int StderrLinesKept = 40;
    private readonly Process process;
    private readonly Queue<string> stderr = new();
    private readonly PluginOptions options;
    private readonly TaskCompletionSource<string> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool stopping;

    private PluginProcess(Process process, PluginOptions options)
    {
        this.process = process;
        this.options = options;
    }

    public JsonRpc Rpc { get; private set; } = null!;

    public int ProcessId => process.Id;

    /// <summary>Completes when the process has ended, with the reason (a phrase: "was killed by SIGSEGV …").</summary>
    public Task<string> Exited => exited.Task;

    public static async Task<(PluginProcess Process, PluginDescription Plugin)> StartAsync(
        PluginManifest manifest, string folder, Dictionary<string, string?> configuration, HubEndpoint endpoint,
        PluginOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.PluginHostPath))
        {
            throw new PluginOperationException(PluginErrorKind.Conflict, $"Plugin '{manifest.Id}' asks to run isolated, but the plugin host {options.PluginHostPath} is missing. Install Luohu.Hub.PluginHost beside the hub or set Hub:PluginHost:PluginHostPath.");
        }

        // A private folder (0700) for the socket: only this user can connect, and the token proves the child.
        var directory = Directory.CreateTempSubdirectory("luohu-plugin-");
        var socketPath = Path.Combine(directory.FullName, "channel");
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(1);
        var child = Start(manifest, socketPath, token, options);
        var started = new PluginProcess(child, options);
        started.Watch(manifest.Id, logger);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ProcessStartTimeout);
            var socket = await AcceptAsync(listener, token, started, timeout.Token);
            var stream = new NetworkStream(socket, ownsSocket: true);
            started.Rpc = RpcChannel.Create(stream, endpoint);
            started.Rpc.Disconnected += (_, _) => started.KillQuietly();
            started.Rpc.StartListening();
            var loaded = await started.Rpc.InvokeWithCancellationAsync<LoadResult>("Load", [new LoadRequest(folder, configuration, options.MaxEventBytes)], timeout.Token);
            if (loaded.Plugin is null)
            {
                throw new PluginOperationException(loaded.ErrorKind, loaded.Error ?? $"Plugin '{manifest.Id}' could not be loaded in its process.");
            }

            return (started, loaded.Plugin);
        }
        catch (Exception ex) when (ex is not PluginOperationException)
        {
            var why = started.Exited.IsCompleted ? await started.Exited : $"did not start within {options.ProcessStartTimeout.TotalSeconds:0} s ({ex.GetType().Name}: {ex.Message})";
            await started.DisposeAsync();
            throw new PluginOperationException(PluginErrorKind.InvalidPackage, $"Plugin '{manifest.Id}' could not be started in its own process: the process {why}.", ex);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Asks the plugin to dispose its services, then ends the process (killed if it does not end in time).</summary>
    public async ValueTask DisposeAsync()
    {
        stopping = true;
        if (Rpc is not null && !process.HasExited)
        {
            try
            {
                await Rpc.InvokeAsync("Shutdown").WaitAsync(options.SourceStopTimeout);
            }
            catch (Exception ex) when (ex is ConnectionLostException or TimeoutException or ObjectDisposedException or RemoteInvocationException)
            {
                // It goes down either way.
            }
        }

        Rpc?.Dispose();
        try
        {
            await process.WaitForExitAsync().WaitAsync(options.SourceStopTimeout);
        }
        catch (TimeoutException)
        {
            KillQuietly();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static Process Start(PluginManifest manifest, string socketPath, string token, PluginOptions options)
    {
        var info = new ProcessStartInfo(DotnetHost(), [options.PluginHostPath, "--socket", socketPath])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(options.PluginHostPath)!,
        };
        info.Environment[PluginHostProgram.TokenVariable] = token;
        info.Environment["LUOHU_PLUGIN_ID"] = manifest.Id;
        if (options.ProcessMemoryLimitMb > 0)
        {
            info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + ((long)options.ProcessMemoryLimitMb * 1024 * 1024).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (options.ProcessCpuLimitSeconds > 0)
        {
            info.Environment[PluginHostProgram.CpuLimitVariable] = options.ProcessCpuLimitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("The plugin host process did not start.");
    }

    /// <summary>The dotnet muxer of the running runtime (…/shared/Microsoft.NETCore.App/&lt;version&gt;/ is three levels below it).</summary>
    private static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var muxer = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(muxer) ? muxer : "dotnet";
    }

    private static async Task<Socket> AcceptAsync(Socket listener, string token, PluginProcess child, CancellationToken cancellationToken)
    {
        var accept = listener.AcceptAsync(cancellationToken).AsTask();
        if (await Task.WhenAny(accept, child.Exited) != accept)
        {
            throw new InvalidOperationException("it ended before connecting");
        }

        var socket = await accept;
        var expected = Encoding.ASCII.GetBytes(token);
        var received = new byte[expected.Length];
        await socket.ReceiveAsync(received.AsMemory(), SocketFlags.None, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
        {
            socket.Dispose();
            throw new InvalidOperationException("the process on the channel did not present the token it was given");
        }

        return socket;
    }

    private void Watch(string pluginId, ILogger logger)
    {
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.Enqueue(e.Data);
                if (stderr.Count > StderrLinesKept)
                {
                    stderr.Dequeue();
                }
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            try
            {
                PluginLog.ProcessOutput(logger, pluginId, e.Data);
            }
            catch (ObjectDisposedException)
            {
                // The hub's logging is already gone (it is stopping): this runs on a thread of the process
                // reader, where an exception would end the hub.
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _ = WaitForExitAsync();
    }

    private async Task WaitForExitAsync()
    {
        await process.WaitForExitAsync();
        string[] lines;
        lock (stderr)
        {
            lines = [.. stderr];
        }

        exited.TrySetResult(stopping ? "was stopped by the hub" : PluginProcessExitReason.Describe(process.ExitCode, lines, options));
    }

    /// <summary>Also runs from the channel's Disconnected event, where an exception would end the hub: it throws nothing.</summary>
    private void KillQuietly()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
#pragma warning disable CA1031 // Whatever state the Process object is in (exited, disposed), the child is gone or going.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
