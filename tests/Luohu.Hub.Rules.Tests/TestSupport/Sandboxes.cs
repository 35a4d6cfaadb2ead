using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Rules.Tests.TestSupport;

public static class Sandboxes
{
    public static ScriptSandbox Create(TimeProvider? time = null, RulesOptions? options = null) =>
        new(Options.Create(options ?? new RulesOptions()), time);

    public static ScriptInput Message(string json) => new() { Message = JsonNode.Parse(json) };

    public static JsonNode? Run(this ScriptSandbox sandbox, string code, ScriptKind kind = ScriptKind.Function, ScriptInput? input = null, ScriptLimits? limits = null) =>
        sandbox.Evaluate(code, kind, input ?? ScriptInput.Empty, limits).Value;

    /// <summary>A JSON number as double, whichever CLR type backs it (scripts give whole numbers as int or long).</summary>
    public static double Number(this JsonNode? node) => node!.AsValue() switch
    {
        var v when v.TryGetValue(out int i) => i,
        var v when v.TryGetValue(out long l) => l,
        var v => v.GetValue<double>(),
    };

    /// <summary>Limits generous in time, so a test of another limit is not cut short on a loaded machine.</summary>
    public static ScriptLimits Relaxed { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };
}
