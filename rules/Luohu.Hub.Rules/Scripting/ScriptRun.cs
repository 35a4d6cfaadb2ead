namespace Luohu.Hub.Rules.Scripting;

/// <summary>What the globals <c>ctx</c> and <c>log</c> act on during one run of one engine; reset between runs.</summary>
internal sealed class ScriptRun
{
    private ScriptLogCollector? _logs;
    private Action<ScriptLogEntry>? _sink;

    public IScriptState? State { get; private set; }

    public void Begin(IScriptState? state, Action<ScriptLogEntry>? sink)
    {
        State = state;
        _sink = sink;
        _logs = null;
    }

    public void Log(ScriptLogLevel level, string message) => (_logs ??= new ScriptLogCollector(_sink)).Add(level, message);

    /// <summary>The lines logged, and the end of the run.</summary>
    public IReadOnlyList<ScriptLogEntry> End()
    {
        var logs = _logs?.Complete() ?? [];
        State = null;
        _sink = null;
        _logs = null;
        return logs;
    }
}
