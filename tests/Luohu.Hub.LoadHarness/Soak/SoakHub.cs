using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.LoadHarness.Soak;

/// <summary>
/// The hub as its own process (<c>dotnet Luohu.Hub.Host.dll</c> of the Release build, its bundled plugins and samples
/// beside it), so the soak can SIGKILL it and start it again on the same data folder. Its log goes to a file outside
/// the data folder (capped at 64 MiB, the rest counted), which the report reads for errors.
/// </summary>
internal sealed class SoakHub : IAsyncDisposable
{
    public const string AdminPassword = "soak-admin-password-long-enough";
    private const long LogCap = 64L << 20;

    private readonly string _dll;
    private readonly string[] _arguments;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private long _logBytes;
    private long _logLinesDropped;
    private bool _disposed;
    private Process? _process;

    public SoakHub(string dataPath, int port, string logPath, IEnumerable<string> settings)
    {
        _dll = Path.Combine(RepoPaths.Root, "host", "Luohu.Hub.Host", "bin", "Release", "net10.0", "Luohu.Hub.Host.dll");
        if (!File.Exists(_dll))
        {
            throw new InvalidOperationException($"{_dll} is missing: run the harness in Release (dotnet run -c Release --project tests/Luohu.Hub.LoadHarness -- soak 60), which builds the host.");
        }

        _arguments = [$"--urls=http://127.0.0.1:{port}", $"--contentRoot={dataPath}", $"--Hub:DataPath={dataPath}", "--environment=Production",
            "--Logging:LogLevel:Default=Warning", $"--Hub:Auth:AdminPassword={AdminPassword}", .. settings];
        _log = new StreamWriter(logPath) { AutoFlush = true };
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary>The API with an admin key (once <see cref="SignInAsync"/> ran; the key lives in the store, so it
    /// survives restarts).</summary>
    public HttpClient Api { get; }

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public bool IsRunning => _process is { HasExited: false };

    public long LogLinesDropped => Interlocked.Read(ref _logLinesDropped);

    /// <summary>Starts the process and waits until it answers <c>/healthz</c>; the time that took.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(_dll);
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Append($"=== hub process {process.Id} started {DateTimeOffset.UtcNow:O}");
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the hub process exited with {process.ExitCode} while starting; see the log");
            }

            try
            {
                using var response = await Api.GetAsync(new Uri("/healthz", UriKind.Relative));
                return Stopwatch.GetElapsedTime(started);
            }
            catch (HttpRequestException)
            {
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(120))
                {
                    throw new InvalidOperationException("the hub did not answer /healthz within 120 s of its start");
                }

                await Task.Delay(100);
            }
        }
    }

    /// <summary>Signs in as the first admin and sends an admin key with every later call.</summary>
    public async Task SignInAsync()
    {
        using var session = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Api.BaseAddress };
        session.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        await EnsureAsync(await session.PostAsJsonAsync("/api/v1/session", new { user = "admin", password = AdminPassword }), "sign-in");
        var key = await session.PostAsJsonAsync("/api/v1/keys", new { name = "soak" });
        await EnsureAsync(key, "key");
        using var body = JsonDocument.Parse(await key.Content.ReadAsStringAsync());
        Api.DefaultRequestHeaders.Add("X-Api-Key", body.RootElement.GetProperty("secret").GetString());
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
            Append($"=== hub process {process.Id} killed {DateTimeOffset.UtcNow:O}");
        }
    }

    /// <summary>The process's resident memory, from <c>/proc</c>; null when it is not running.</summary>
    public long? ResidentBytes()
    {
        if (ProcessId is not { } pid)
        {
            return null;
        }

        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // It went between the check and the read.
        }

        return null;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logGate)
        {
            if (_disposed)
            {
                return;
            }

            if (_logBytes > LogCap)
            {
                _logLinesDropped++;
                return;
            }

            _logBytes += line.Length + 1;
            _log.WriteLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        Api.Dispose();
        lock (_logGate)
        {
            _disposed = true;
            _log.Dispose();
        }

        await Task.CompletedTask;
    }
}
