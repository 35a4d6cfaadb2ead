using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Workflows.JavaScript;
using ReActionInfo = RulesEngine.Models.ActionInfo;
using ReRule = RulesEngine.Models.Rule;
using ReRuleActions = RulesEngine.Models.RuleActions;
using ReScopedParam = RulesEngine.Models.ScopedParam;
using ReWorkflow = RulesEngine.Models.Workflow;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// Turns a hub workflow into the workflow RulesEngine runs. Lambda parts are handed over as written; every
/// JavaScript part becomes a <see cref="JavaScriptSlot"/> and, in RulesEngine's copy, a call of
/// <see cref="LuohuJavaScript"/> (a JavaScript <c>OutputExpression</c> becomes <see cref="JavaScriptOutputAction"/>).
/// JavaScript GlobalParams are left out of RulesEngine's copy: the hub evaluates them first and passes their values
/// as inputs, so lambda and JavaScript rules both see them.
/// </summary>
internal sealed class WorkflowTranslator
{
    private readonly List<JavaScriptSlot> _slots = [];
    private readonly Dictionary<ReRule, (Rule Rule, string Path)> _rules = new(ReferenceEqualityComparer.Instance);
    private readonly List<JavaScriptSlot> _globals = [];

    public IReadOnlyList<JavaScriptSlot> Slots => _slots;

    /// <summary>Whether any expression is a lambda (else RulesEngine only calls the JavaScript slots and never reads the inputs).</summary>
    public bool HasLambda { get; private set; }

    /// <summary>Each rule of RulesEngine's copy: the hub rule it came from and its path.</summary>
    public IReadOnlyDictionary<ReRule, (Rule Rule, string Path)> Rules => _rules;

    /// <summary>The JavaScript GlobalParams, evaluated before RulesEngine runs.</summary>
    public IReadOnlyList<JavaScriptSlot> JavaScriptGlobals => _globals;

    public ReWorkflow Translate(Workflow workflow)
    {
        var dialect = RuleDialects.Of(workflow);
        var scope = new List<ParamInScope>();
        var globals = new List<ReScopedParam>();
        var parameters = workflow.GlobalParams ?? [];
        for (var i = 0; i < parameters.Count; i++)
        {
            var param = parameters[i];
            if (dialect == RuleDialect.JavaScript)
            {
                _globals.Add(Slot(SlotKind.Param, param.Expression ?? string.Empty, $"GlobalParams[{i}].Expression", null, param.Name, scope));
                scope.Add(new ParamInScope(param.Name ?? string.Empty, null));
            }
            else
            {
                HasLambda = true;
                globals.Add(new ReScopedParam { Name = param.Name, Expression = param.Expression });
            }
        }

        var rules = workflow.Rules ?? [];
        return new ReWorkflow
        {
            WorkflowName = workflow.WorkflowName,
            GlobalParams = globals,
            Rules = [.. rules.Select((rule, i) => Translate(rule, $"Rules[{i}]", dialect, scope))],
        };
    }

    private ReRule Translate(Rule rule, string path, RuleDialect inherited, List<ParamInScope> outer)
    {
        var dialect = RuleDialects.Of(rule, inherited);
        var scope = new List<ParamInScope>(outer);
        var locals = new List<ReScopedParam>();
        var parameters = rule.LocalParams ?? [];
        for (var i = 0; i < parameters.Count; i++)
        {
            var param = parameters[i];
            if (dialect == RuleDialect.JavaScript)
            {
                var slot = Slot(SlotKind.Param, param.Expression ?? string.Empty, $"{path}.LocalParams[{i}].Expression", rule, param.Name, scope);
                locals.Add(new ReScopedParam { Name = param.Name, Expression = $"LuohuJavaScript.Param({slot.Index})" });
                scope.Add(new ParamInScope(param.Name ?? string.Empty, rule));
            }
            else
            {
                HasLambda = true;
                locals.Add(new ReScopedParam { Name = param.Name, Expression = param.Expression });
            }
        }

        var children = rule.Rules ?? [];
        var expression = rule.Expression;
        if (dialect == RuleDialect.JavaScript && children.Count == 0 && !string.IsNullOrWhiteSpace(expression))
        {
            expression = $"LuohuJavaScript.Rule({Slot(SlotKind.Rule, expression, $"{path}.Expression", rule, null, scope).Index})";
        }
        else if (children.Count == 0)
        {
            HasLambda = true;
        }

        var translated = new ReRule
        {
            RuleName = rule.RuleName,
            Operator = rule.Operator,
            ErrorMessage = rule.ErrorMessage,
            Enabled = rule.Enabled,
            SuccessEvent = rule.SuccessEvent,
            Expression = expression,
            LocalParams = locals,
            Properties = rule.Properties?.ToDictionary(p => p.Key, p => (object)JsonSerializer.SerializeToElement(p.Value)),
            Rules = children.Count == 0 ? null : [.. children.Select((child, i) => Translate(child, $"{path}.Rules[{i}]", dialect, scope))],
            Actions = rule.Actions is null ? null : new ReRuleActions
            {
                OnSuccess = Action(rule.Actions.OnSuccess, $"{path}.Actions.OnSuccess", dialect, rule, scope),
                OnFailure = Action(rule.Actions.OnFailure, $"{path}.Actions.OnFailure", dialect, rule, scope),
            },
        };
        _rules[translated] = (rule, path);
        return translated;
    }

    private ReActionInfo? Action(ActionInfo? action, string path, RuleDialect dialect, Rule rule, List<ParamInScope> scope)
    {
        if (action is null)
        {
            return null;
        }

        if (dialect == RuleDialect.JavaScript && string.Equals(action.Name, "OutputExpression", StringComparison.Ordinal)
            && ContextString(action.Context, "Expression") is { } expression)
        {
            var slot = Slot(SlotKind.Output, expression, $"{path}.Context.Expression", rule, null, scope);
            return new ReActionInfo
            {
                Name = JavaScriptOutputAction.Name,
                Context = new Dictionary<string, object> { [JavaScriptOutputAction.SlotKey] = slot.Index.ToString(CultureInfo.InvariantCulture) },
            };
        }

        HasLambda |= action.Name is "OutputExpression" or "EvaluateRule";
        return new ReActionInfo
        {
            Name = action.Name,
            Context = action.Context?.ToDictionary(p => p.Key, p => (object)JsonSerializer.SerializeToElement(p.Value)),
        };
    }

    private JavaScriptSlot Slot(SlotKind kind, string expression, string path, Rule? owner, string? paramName, List<ParamInScope> scope)
    {
        var slot = new JavaScriptSlot(_slots.Count, kind, expression, path, owner, paramName, [.. scope]);
        _slots.Add(slot);
        return slot;
    }

    internal static string? ContextString(JsonObject? context, string key)
    {
        foreach (var (name, value) in context ?? [])
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return value is JsonValue text && text.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
            }
        }

        return null;
    }
}
