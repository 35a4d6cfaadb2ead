using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>A real mosquitto on a free loopback port with its own config, persistence folder and captured log.</summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";

    private readonly StringBuilder _log = new();
    private readonly string _extraConfig;
    private readonly bool _quiet;
    private Process? _process;

    private MosquittoBroker(int port, string folder, string extraConfig, bool quiet)
    {
        Port = port;
        Folder = folder;
        _extraConfig = extraConfig;
        _quiet = quiet;
    }

    public int Port { get; }
    public string Folder { get; }
    public string Url => $"mqtt://127.0.0.1:{Port}";

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <param name="listener">Replaces the plain listener line, e.g. a TLS listener with cafile/certfile/keyfile.</param>
    /// <param name="extraConfig">More configuration lines, given the broker's folder.</param>
    /// <param name="quiet">Log errors, warnings and notices (connections) only, not every message: for long runs, whose
    /// per-message log would grow without end in <see cref="Log"/>.</param>
    public static async Task<MosquittoBroker> StartAsync(string? listener = null, Func<string, string>? extraConfig = null, bool quiet = false)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian 'mosquitto' (tests/run.sh does). MQTT tests cannot run without a real broker.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "luohu-mqtt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        // Started as root, mosquitto drops to the 'mosquitto' user; it must still be able to write its persistence file.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }

        var port = FreePort();
        var broker = new MosquittoBroker(port, folder, (listener ?? $"listener {port} 127.0.0.1").Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            + "\n" + (extraConfig?.Invoke(folder) ?? string.Empty), quiet);
        await broker.StartProcessAsync(TimeSpan.FromSeconds(10));
        return broker;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>
    /// SIGTERM, as a service manager stops the broker: mosquitto writes its persistence file (sessions, subscriptions,
    /// queued QoS 1 messages) and exits, so <see cref="RestartAsync"/> on the same port and folder resumes them. Writing
    /// a large backlog takes a while: <paramref name="exitWithin"/> (30 s unless given).
    /// </summary>
    public async Task TerminateAsync(TimeSpan? exitWithin = null)
    {
        if (_process is { HasExited: false } process)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(exitWithin ?? TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the broker again on the same port and folder; loading a large persistence file delays its
    /// listening: <paramref name="listenWithin"/> (10 s unless given).</summary>
    public Task RestartAsync(TimeSpan? listenWithin = null) => StartProcessAsync(listenWithin ?? TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    private async Task StartProcessAsync(TimeSpan listenWithin)
    {
        var config = Path.Combine(Folder, "mosquitto.conf");
        // The caller's lines come last, so they may override these defaults (mosquitto takes the last value).
        await File.WriteAllTextAsync(config, $"""
            allow_anonymous true
            persistence true
            persistence_location {Folder}/
            log_dest stderr
            {(_quiet ? "log_type error\nlog_type warning\nlog_type notice" : "log_type all")}
            max_queued_messages 100000
            {_extraConfig}
            """);
        var start = new ProcessStartInfo(Executable, ["-c", config]) { RedirectStandardError = true, RedirectStandardOutput = true };
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow + listenWithin;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}: {Log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"mosquitto did not listen on {Port} within {listenWithin.TotalSeconds:F0} s: {Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
