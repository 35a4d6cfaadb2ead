using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Luohu.Hub.LoadHarness.Soak;

/// <summary>What the soak saw: a row a minute, the faults, the counts of each kind of call by answer, memory samples,
/// and at the end the accounting and the checks; printed as it goes and summed up last.</summary>
internal sealed partial class SoakReport(int minutes, int rate)
{
    private readonly ConcurrentDictionary<(string What, string Answer), long> _counts = new();
    private readonly ConcurrentQueue<string> _faults = new();
    private readonly ConcurrentQueue<(TimeSpan At, long Bytes, int Pid)> _memory = new();
    private readonly LatencyHistogram _all = new();
    private readonly List<string> _checks = [];
    private readonly List<TimeSpan> _starts = [];
    private readonly List<string> _logGroups = [];
    private long _lastConfirmed;
    private long _lastDistinct;

    public long Lost { get; private set; } = -1;

    private string Accounting { get; set; } = string.Empty;

    public void HubStart(TimeSpan took)
    {
        lock (_starts)
        {
            _starts.Add(took);
        }
    }

    public void Fault(Stopwatch clock, string what)
    {
        var line = $"[{clock.Elapsed:hh\\:mm\\:ss}] {what}";
        _faults.Enqueue(line);
        Console.WriteLine("  fault " + line);
    }

    public void Count(string what, string answer) => _counts.AddOrUpdate((what, answer), 1, (_, n) => n + 1);

    public void Memory(TimeSpan at, long? bytes, int? pid)
    {
        if (bytes is { } b && pid is { } p)
        {
            _memory.Enqueue((at, b, p));
        }
    }

    public void Minute(int minute, SoakPublisher publisher, SoakReceiver receiver, LatencyHistogram latencies, long? resident, string bridge)
    {
        _all.AddAll(latencies);
        var confirmed = publisher.Confirmed;
        var distinct = receiver.Distinct;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  min {minute,3}: in {confirmed - _lastConfirmed,7}, out {distinct - _lastDistinct,7} (behind {confirmed - distinct,7}), dup {receiver.Duplicates}, " +
            $"p50 {latencies.Percentile(0.5),8:F1} ms, p99 {latencies.Percentile(0.99),9:F1} ms, hub RSS {(resident ?? 0) / 1048576.0,6:F0} MiB, " +
            $"publish retries {publisher.Retries}, reconnects devices {publisher.Reconnects} receiver {receiver.Reconnects}; hub bridge: {bridge}"));
        _lastConfirmed = confirmed;
        _lastDistinct = distinct;
    }

    public void Drained(TimeSpan took, LatencyHistogram rest)
    {
        _all.AddAll(rest);
        _checks.Add($"drain after the last message: {took.TotalSeconds:F1} s");
    }

    /// <summary>The relay's dead letters of device messages (<c>soak/in/0…7</c>): key → reason. A message that failed in
    /// the flow is not lost; it waits, with its reason, to be replayed.</summary>
    public async Task<Dictionary<long, string>> DeadLetteredAsync(SoakHub hub)
    {
        var keys = new Dictionary<long, string>();
        try
        {
            for (var skip = 0; ; skip += 1000)
            {
                using var page = JsonDocument.Parse(await hub.Api.GetStringAsync($"/api/v1/dead-letters?flowId=soak&skip={skip}&take=1000"));
                foreach (var letter in page.RootElement.EnumerateArray())
                {
                    var raw = letter.GetRawText();
                    if (DeviceTopic().IsMatch(raw) && KeyOf().Match(raw) is { Success: true } key)
                    {
                        var reason = letter.TryGetProperty("reason", out var r) ? r.GetString() ?? string.Empty : string.Empty;
                        keys[long.Parse(key.Groups[1].Value, CultureInfo.InvariantCulture)] = reason.Length > 100 ? reason[..100] : reason;
                    }
                }

                if (page.RootElement.GetArrayLength() < 1000)
                {
                    return keys;
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            _checks.Add($"dead letters could not be read ({e.Message})");
            return keys;
        }
    }

    public void Account(SoakPublisher publisher, SoakReceiver receiver, KeySet confirmed, Dictionary<long, string> deadLettered)
    {
        long lost = 0;
        long failed = 0;
        long unconfirmedOut = 0;
        var firstLost = new List<long>();
        for (long key = 0; key < publisher.Generated; key++)
        {
            var wasIn = confirmed.Contains(key);
            var cameOut = receiver.Received.Contains(key);
            if (wasIn && !cameOut && deadLettered.ContainsKey(key))
            {
                failed++;
            }
            else if (wasIn && !cameOut)
            {
                lost++;
                if (firstLost.Count < 10)
                {
                    firstLost.Add(key);
                }
            }
            else if (!wasIn && cameOut)
            {
                unconfirmedOut++;
            }
        }

        Lost = lost;
        Accounting = string.Create(CultureInfo.InvariantCulture,
            $"generated {publisher.Generated}, in (confirmed by the broker) {publisher.Confirmed}, out {receiver.Distinct} distinct, " +
            $"**lost {lost}**{(firstLost.Count > 0 ? $" (first keys {string.Join(", ", firstLost)})" : string.Empty)}, " +
            $"failed in the flow and kept as dead letters {failed}{(failed > 0 ? $" ({string.Join(" | ", deadLettered.Values.GroupBy(r => r).Select(g => $"{g.Count()}× {g.Key}"))})" : string.Empty)}, " +
            $"out though never confirmed (the confirmation was cut by a restart) {unconfirmedOut}, duplicates {receiver.Duplicates}, " +
            $"unexpected (no key) {receiver.Unexpected}, publish retries {publisher.Retries}");
    }

    public async Task FinalChecksAsync(SoakHub hub)
    {
        await CheckAsync(hub, "audit chain", "/api/v1/audit/verify", root => root.GetRawText());
        await CheckAsync(hub, "dead letters of the relay", "/api/v1/dead-letters?flowId=soak&take=500", root =>
        {
            var reasons = root.EnumerateArray().Select(l => l.TryGetProperty("reason", out var r) ? r.GetString() ?? string.Empty : string.Empty)
                .Select(r => r.Length > 120 ? r[..120] : r).GroupBy(r => r).Select(g => $"{g.Count()}× {g.Key}");
            return $"{root.GetArrayLength()} (of at most 500 listed): {string.Join(" | ", reasons.Take(5))}";
        });
        await CheckAsync(hub, "MQTT bridge", "/api/v1/mqtt", root =>
        {
            var bridge = root.TryGetProperty("bridge", out var b) ? b : root;
            return string.Join(", ", bridge.EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False).Select(p => $"{p.Name} {p.Value}"));
        });
        await CheckAsync(hub, "parking simulation", "/api/v1/data/parking", root =>
        {
            var parks = root.GetProperty("carParks");
            var newest = parks.EnumerateArray().Max(p => p.GetProperty("updatedAt").GetDateTimeOffset());
            return $"{parks.GetArrayLength()} car parks, newest update {(DateTimeOffset.UtcNow - newest).TotalSeconds:F0} s ago";
        });
        await CheckAsync(hub, "plugins", "/api/v1/plugins", root => string.Join(", ", root.EnumerateArray().Select(p => $"{p.GetProperty("id").GetString()} {p.GetProperty("state").GetString()}")));
    }

    private async Task CheckAsync(SoakHub hub, string what, string path, Func<JsonElement, string> read)
    {
        try
        {
            using var response = await hub.Api.GetAsync(path);
            var text = await response.Content.ReadAsStringAsync();
            using var body = JsonDocument.Parse(text);
            _checks.Add($"{what}: {(response.IsSuccessStatusCode ? read(body.RootElement) : $"{(int)response.StatusCode} {text}")}");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            _checks.Add($"{what}: could not be read ({e.Message})");
        }
    }

    /// <summary>Warnings and errors of the hub's log, grouped by their first line with numbers and ids blurred.</summary>
    public void ReadLog(string path, long dropped)
    {
        var groups = new Dictionary<string, int>();
        // The console logger writes the category on the level's line and the message on the next: group by both.
        var lines = File.ReadLines(path).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("warn:", StringComparison.Ordinal) || lines[i].StartsWith("fail:", StringComparison.Ordinal) || lines[i].StartsWith("crit:", StringComparison.Ordinal))
            {
                var message = i + 1 < lines.Count ? lines[i + 1].Trim() : string.Empty;
                var key = Numbers().Replace($"{lines[i]} — {(message.Length > 160 ? message[..160] : message)}", "#");
                groups[key] = groups.GetValueOrDefault(key) + 1;
            }
        }

        _logGroups.AddRange(groups.OrderByDescending(g => g.Value).Take(15).Select(g => $"{g.Value,7}× {g.Key}"));
        if (dropped > 0)
        {
            _logGroups.Add($"(and {dropped} lines past the log's 64 MiB cap)");
        }
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"=== soak {minutes} min at {rate} msg/s offered (QoS 1 through mosquitto, trigger.topic → script → publish; the hub's defaults beside it)");
        Console.WriteLine("messages: " + Accounting);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency device → out over the run: p50 {_all.Percentile(0.5):F1} ms, p90 {_all.Percentile(0.9):F1} ms, p99 {_all.Percentile(0.99):F1} ms, p99.9 {_all.Percentile(0.999):F1} ms"));
        lock (_starts)
        {
            Console.WriteLine($"hub starts: {_starts.Count} ({string.Join(", ", _starts.Select(s => s.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s"))})");
        }

        Console.WriteLine("memory (hub RSS), per process life, least squares after its first 2 minutes:");
        foreach (var life in _memory.GroupBy(m => m.Pid))
        {
            var samples = life.ToList();
            var first = samples[0].At;
            var settled = samples.Where(s => s.At - first >= TimeSpan.FromMinutes(2)).ToList();
            var slope = Slope(settled);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  pid {life.Key}: {first:hh\\:mm\\:ss}–{samples[^1].At:hh\\:mm\\:ss}, {samples[0].Bytes / 1048576.0:F0} → {samples[^1].Bytes / 1048576.0:F0} MiB (max {samples.Max(s => s.Bytes) / 1048576.0:F0}), slope {(double.IsNaN(slope) ? "n/a" : $"{slope:F1} MiB/h")}"));
        }

        var all = _memory.ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  whole run (across restarts): slope {Slope(all):F1} MiB/h, last sample {(all.Count > 0 ? all[^1].Bytes / 1048576.0 : 0):F0} MiB"));
        Console.WriteLine("faults:");
        foreach (var fault in _faults)
        {
            Console.WriteLine("  " + fault);
        }

        Console.WriteLine("calls by answer:");
        foreach (var group in _counts.GroupBy(c => c.Key.What).OrderBy(g => g.Key))
        {
            Console.WriteLine($"  {group.Key}: {string.Join(", ", group.OrderByDescending(c => c.Value).Select(c => $"{c.Key.Answer} ×{c.Value}"))}");
        }

        Console.WriteLine("checks:");
        foreach (var check in _checks)
        {
            Console.WriteLine("  " + check);
        }

        Console.WriteLine("hub log, warnings and errors:");
        foreach (var group in _logGroups)
        {
            Console.WriteLine("  " + group);
        }
    }

    private static double Slope(List<(TimeSpan At, long Bytes, int Pid)> samples)
    {
        if (samples.Count < 10)
        {
            return double.NaN;
        }

        var xs = samples.Select(s => s.At.TotalHours).ToList();
        var ys = samples.Select(s => s.Bytes / 1048576.0).ToList();
        var mx = xs.Average();
        var my = ys.Average();
        var covariance = xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my));
        var variance = xs.Sum(x => (x - mx) * (x - mx));
        return variance == 0 ? double.NaN : covariance / variance;
    }

    [GeneratedRegex(@"\b[0-9a-f]{8,}\b|\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"soak/in/[0-7]\b")]
    private static partial Regex DeviceTopic();

    [GeneratedRegex(@"\\?""k\\?"":\s*(\d+)")]
    private static partial Regex KeyOf();
}
