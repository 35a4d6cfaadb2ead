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
}
