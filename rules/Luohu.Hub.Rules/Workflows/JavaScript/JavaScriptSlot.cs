using System.Collections.Concurrent;
using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Rules.Workflows.JavaScript;

/// <summary>What a JavaScript expression of a workflow is for.</summary>
internal enum SlotKind
{
    /// <summary>A leaf rule's expression: must give true or false.</summary>
    Rule,

    /// <summary>A GlobalParam or LocalParam: any value.</summary>
    Param,

    /// <summary>An <c>OutputExpression</c> action: any value.</summary>
    Output,
}

/// <summary>A param visible to a JavaScript expression: its name and the rule that defines it (null for a GlobalParam).</summary>
internal readonly record struct ParamInScope(string Name, Rule? Owner);

/// <summary>
/// One JavaScript expression of a workflow, with the params it sees. RulesEngine reaches it through
/// <see cref="LuohuJavaScript"/> by its index. It is parsed once per set of input names (the script's parameters).
/// </summary>
internal sealed class JavaScriptSlot(int index, SlotKind kind, string expression, string path, Rule? owner, string? paramName, IReadOnlyList<ParamInScope> inScope)
{
    private readonly ConcurrentDictionary<string, CompiledScript> _compiled = new(StringComparer.Ordinal);

    public int Index => index;

    public SlotKind Kind => kind;

    public string Expression => expression;

    /// <summary>Where the expression is, e.g. <c>Rules[0].LocalParams[1].Expression</c>.</summary>
    public string Path => path;

    /// <summary>The rule the expression belongs to (for a GlobalParam: null).</summary>
    public Rule? Owner => owner;

    /// <summary>For a param: its name.</summary>
    public string? ParamName => paramName;

    /// <summary>The params it sees, outermost first (an inner one of the same name shadows an outer).</summary>
    public IReadOnlyList<ParamInScope> InScope => inScope;

    /// <summary>The expression parsed for inputs named <paramref name="inputNames"/> (identifiers, <c>input1</c>..).</summary>
    public CompiledScript CompileFor(ScriptSandbox sandbox, string signature, IReadOnlyList<string> inputNames)
    {
        if (_compiled.TryGetValue(signature, out var script))
        {
            return script;
        }

        var names = new List<string>(inputNames.Count + inScope.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = inScope.Count - 1; i >= 0; i--)
        {
            if (seen.Add(inScope[i].Name))
            {
                names.Add(inScope[i].Name);
            }
        }

        names.AddRange(inputNames.Where(seen.Add));
        script = sandbox.Compile(expression, ScriptKind.Expression, names);
        return _compiled.GetOrAdd(signature, script);
    }
}
