using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>What a script sees when it runs.</summary>
public sealed record ScriptInput
{
    // Declared before Empty: static initialisers run in order.
    private static readonly IReadOnlyDictionary<string, JsonNode?> EmptyVariables = new Dictionary<string, JsonNode?>();

    /// <summary>An input with no message and nothing else.</summary>
    public static ScriptInput Empty { get; } = new();

    /// <summary>The message, visible to the script as <c>msg</c>.</summary>
    public JsonNode? Message { get; init; }

    /// <summary>
    /// Whether the caller gives <see cref="Message"/> to the run. When it does, a run that completes writes its
    /// changes into the message's nodes and returns them as part of <see cref="ScriptResult.Value"/> (a script that
    /// changes one field costs one new value); the message must then not be used elsewhere. When it does not (the
    /// default), the message is never changed and the result is built from new nodes. A run that fails never
    /// changes the message either way.
    /// </summary>
    public bool MessageIsOwned { get; init; }

    /// <summary>
    /// Further variables by name (workflow inputs, <c>input1</c>..<c>inputN</c>, scoped params), matched to the
    /// compiled script's <see cref="CompiledScript.Parameters"/>; a parameter without a value is <c>undefined</c>.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = EmptyVariables;

    /// <summary>Backs <c>ctx.get</c>/<c>ctx.set</c>; without one, <c>ctx.get</c> returns <c>null</c> and <c>ctx.set</c> throws a TypeError.</summary>
    public IScriptState? State { get; init; }

    /// <summary>Receives each line the script logs, as it is logged (the lines are also in <see cref="ScriptResult.Logs"/>).</summary>
    public Action<ScriptLogEntry>? LogSink { get; init; }
}
