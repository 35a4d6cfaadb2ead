using Jint.Parser.Ast;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// A parsed script, ready to run any number of times, from any thread. Get one from
/// <see cref="ScriptSandbox.Compile"/>; identical sources share one instance through the sandbox's cache.
/// </summary>
public sealed class CompiledScript
{
    internal CompiledScript(string code, ScriptKind kind, Program program, SourceWrapping wrapping)
    {
        Code = code;
        Kind = kind;
        Program = program;
        Wrapping = wrapping;
    }

    /// <summary>The source as given.</summary>
    public string Code { get; }

    /// <summary>How the source is read.</summary>
    public ScriptKind Kind { get; }

    internal Program Program { get; }

    internal SourceWrapping Wrapping { get; }
}
