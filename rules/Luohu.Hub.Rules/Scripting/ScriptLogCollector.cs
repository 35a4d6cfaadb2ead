namespace Luohu.Hub.Rules.Scripting;

/// <summary>Keeps a run's log lines, capped so a logging loop cannot fill memory.</summary>
internal sealed class ScriptLogCollector(Action<ScriptLogEntry>? sink)
{
    private readonly List<ScriptLogEntry> _entries = [];
    private int _dropped;

    public void Add(ScriptLogLevel level, string message)
    {
        if (_entries.Count >= ScriptResult.MaxLogLines)
        {
            _dropped++;
            return;
        }

        if (message.Length > ScriptResult.MaxLogLineLength)
        {
            message = string.Concat(message.AsSpan(0, ScriptResult.MaxLogLineLength), "…");
        }

        var entry = new ScriptLogEntry(level, message);
        _entries.Add(entry);
        sink?.Invoke(entry);
    }

    public IReadOnlyList<ScriptLogEntry> Complete()
    {
        if (_dropped > 0)
        {
            var entry = new ScriptLogEntry(ScriptLogLevel.Warning, $"{_dropped} more log lines were dropped (at most {ScriptResult.MaxLogLines} are kept per run)");
            _entries.Add(entry);
            sink?.Invoke(entry);
            _dropped = 0;
        }

        return _entries;
    }
}
