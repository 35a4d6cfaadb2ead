using System.ComponentModel;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows.Inputs;

namespace Luohu.Hub.Rules.Workflows.JavaScript;

/// <summary>
/// How RulesEngine evaluates the JavaScript parts of a workflow: the hub hands RulesEngine each JavaScript rule as
/// the lambda <c>LuohuJavaScript.Rule(n)</c> and each JavaScript param as <c>LuohuJavaScript.Param(n)</c>, so
/// RulesEngine keeps running the whole workflow — order, operators, params, actions, result tree — while the
/// expressions run in the sandbox. Not for use in expressions written by people.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LuohuJavaScript
{
    /// <summary>Evaluates JavaScript rule expression <paramref name="slot"/> of the current evaluation.</summary>
    public static bool Rule(int slot)
    {
        var evaluation = JavaScriptEvaluation.Current;
        var javaScript = evaluation.Slot(slot);
        var value = Run(evaluation, javaScript);
        if (value is JsonValue boolean && boolean.TryGetValue<bool>(out var success))
        {
            return success;
        }

        throw new JavaScriptRuleException(
            $"{javaScript.Path}: the expression must evaluate to true or false, but gave {value?.ToJsonString() ?? "null"}; compare explicitly, e.g. msg.free < 10.");
    }

    /// <summary>Evaluates JavaScript param <paramref name="slot"/> and returns its value as RulesEngine reads a JSON input.</summary>
    public static object? Param(int slot)
    {
        var evaluation = JavaScriptEvaluation.Current;
        var javaScript = evaluation.Slot(slot);
        try
        {
            var value = Run(evaluation, javaScript);
            evaluation.RecordParam(javaScript.Owner, javaScript.ParamName!, value);
            return RuleInputs.ToPlain(value);
        }
        catch (JavaScriptRuleException ex) when (javaScript.Owner is { } owner)
        {
            evaluation.RecordParamError(owner, ex.Message);
            throw;
        }
    }

    internal static JsonNode? Run(JavaScriptEvaluation evaluation, JavaScriptSlot javaScript)
    {
        var variables = evaluation.Inputs;
        if (javaScript.InScope.Count > 0)
        {
            variables = new Dictionary<string, JsonNode?>(evaluation.Inputs, StringComparer.Ordinal);
            foreach (var param in javaScript.InScope)
            {
                if (evaluation.TryGetParam(param, out var value))
                {
                    variables[param.Name] = value;
                }
            }
        }

        var script = javaScript.CompileFor(evaluation.Sandbox, evaluation.InputSignature, evaluation.InputNames);
        var input = new ScriptInput
        {
            Message = evaluation.Message,
            Variables = variables,
            State = evaluation.Options.State,
            LogSink = evaluation.Options.LogSink,
        };

        try
        {
            return evaluation.Sandbox.Evaluate(script, input, evaluation.Limits, evaluation.CancellationToken).Value;
        }
        catch (ScriptException ex)
        {
            throw new JavaScriptRuleException($"{javaScript.Path}: {ex.Message}", ex);
        }
    }
}
