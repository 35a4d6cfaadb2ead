using System.Diagnostics;
using System.Threading.Channels;

namespace Luohu.Hub.Credit.Tests;

/// <summary>One run of Luohu.Hub.Credit.CrashHost: started on a data folder, read line by line, killed with SIGKILL.</summary>
internal sealed class CrashHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _errors = [];

    private CrashHostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _lines.Writer.TryWrite(line);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (_errors)
                {
                    _errors.Add(line);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static CrashHostProcess Start(string hubData, string pluginsStage, Uri bank, string assessmentId)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepoPaths.Root, "tests", "Luohu.Hub.Credit.CrashHost", "bin", configuration, "net10.0", "Luohu.Hub.Credit.CrashHost.dll");
        Assert.True(File.Exists(dll), $"The crash host is not built at {dll}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = hubData };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--contentRoot={hubData}");
        start.ArgumentList.Add($"--Hub:DataPath={hubData}");
        start.ArgumentList.Add($"--Hub:BundledPluginsPath={pluginsStage}");
        start.ArgumentList.Add($"--Hub:Plugins:luohu.bank-credit:BaseUrl={bank}");
        start.ArgumentList.Add($"--Hub:Plugins:luohu.bank-credit:PartnerSecret={BankServer.Secret}");
        start.ArgumentList.Add("--Hub:PluginHost:HealthCheckInterval=01:00:00");
        start.ArgumentList.Add("--Hub:Outbox:RetryInterval=01:00:00");
        start.ArgumentList.Add($"--Crash:AssessmentId={assessmentId}");
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_TC_QuickJitForLoops"] = "1";
        return new CrashHostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits for the line starting with <paramref name="prefix"/> and returns it.</summary>
    public async Task<string> WaitForAsync(string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cancel.Token);
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            string errors;
            lock (_errors)
            {
                errors = string.Join('\n', _errors.TakeLast(20));
            }

            Assert.Fail($"The crash host printed no '{prefix}' line within {timeout.TotalSeconds:0} s (exited: {_process.HasExited}). stderr:\n{errors}");
            throw;
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, no buffer is flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
