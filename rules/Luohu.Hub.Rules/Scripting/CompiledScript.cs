using Acornima.Ast;
using Jint;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// A parsed script, ready to run any number of times, on any engine, from any thread. Get one from
/// <see cref="ScriptSandbox.Compile"/>; identical sources with the same parameters share one instance.
/// </summary>
public sealed class CompiledScript
{
    internal CompiledScript(string code, ScriptKind kind, IReadOnlyList<string> parameters, Prepared<Script> program)
    {
        Code = code;
        Kind = kind;
        Parameters = parameters;
        Program = program;
        LineCount = code.Count(c => c == '\n') + 1;
    }

    /// <summary>The source as given.</summary>
    public string Code { get; }

    /// <summary>How the source is read.</summary>
    public ScriptKind Kind { get; }

    /// <summary>The variables the script sees besides <c>msg</c>, in order (workflow inputs and params).</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The wrapped source, parsed and analysed once (<see cref="Engine.PrepareScript"/>).</summary>
    internal Prepared<Script> Program { get; }

    internal int LineCount { get; }

    /// <summary>The author's line for a line of the wrapped source, kept inside the script.</summary>
    internal int SourceLine(int wrappedLine) => Math.Clamp(wrappedLine - SourceWrapping.LineOffset, 1, LineCount);
}
