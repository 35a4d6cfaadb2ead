using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>What a script sees when it runs.</summary>
public sealed record ScriptInput
{
    // Declared before Empty: static initialisers run in order.
    private static readonly IReadOnlyDictionary<string, JsonNode?> EmptyVariables = new Dictionary<string, JsonNode?>();

    /// <summary>An input with no message and nothing else.</summary>
    public static ScriptInput Empty { get; } = new();

    /// <summary>The message, visible to the script as <c>msg</c> (a copy: changes the script makes stay in the script).</summary>
    public JsonNode? Message { get; init; }

    /// <summary>
    /// Further global variables by name (workflow inputs, <c>input1</c>..<c>inputN</c>, scoped params). Names must be
    /// JavaScript identifiers; they are set after the helpers and <c>msg</c>, so a variable may shadow them.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = EmptyVariables;

    /// <summary>Backs <c>ctx.get</c>/<c>ctx.set</c>; without one, <c>ctx.get</c> returns <c>null</c> and <c>ctx.set</c> throws a TypeError.</summary>
    public IScriptState? State { get; init; }

    /// <summary>Receives each line the script logs, as it is logged (the lines are also in <see cref="ScriptResult.Logs"/>).</summary>
    public Action<ScriptLogEntry>? LogSink { get; init; }

}
