using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Rules.Workflows.JavaScript;

/// <summary>
/// The JavaScript side of one workflow evaluation, reached from RulesEngine's compiled lambdas through an
/// <see cref="AsyncLocal{T}"/>: the inputs as JSON, the values of JavaScript params as they are computed (per rule,
/// so a rule's action sees the params that rule saw), the limits, state, log and cancellation of the caller.
/// </summary>
internal sealed class JavaScriptEvaluation
{
    private static readonly AsyncLocal<JavaScriptEvaluation?> Ambient = new();

    private readonly IReadOnlyList<JavaScriptSlot> _slots;
    private Dictionary<(Rule? Owner, string Name), JsonNode?>? _params;
    private Dictionary<Rule, string>? _paramErrors;

    public JavaScriptEvaluation(
        IReadOnlyList<JavaScriptSlot> slots, ScriptSandbox sandbox, ScriptLimits limits, RuleEvaluationOptions options,
        JsonNode? message, Dictionary<string, JsonNode?> inputs, IReadOnlyList<string> inputNames, string inputSignature,
        CancellationToken cancellationToken)
    {
        _slots = slots;
        Sandbox = sandbox;
        Limits = limits;
        Options = options;
        Message = message;
        Inputs = inputs;
        InputNames = inputNames;
        InputSignature = inputSignature;
        CancellationToken = cancellationToken;
    }

    public static JavaScriptEvaluation Current =>
        Ambient.Value ?? throw new InvalidOperationException("LuohuJavaScript is only evaluated by the hub's rule workflows.");

    public ScriptSandbox Sandbox { get; }

    public ScriptLimits Limits { get; }

    public RuleEvaluationOptions Options { get; }

    public JsonNode? Message { get; }

    public Dictionary<string, JsonNode?> Inputs { get; }

    public IReadOnlyList<string> InputNames { get; }

    public string InputSignature { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Makes this the evaluation the lambdas of the current async flow reach; dispose to end it.</summary>
    public Scope Enter()
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        return new Scope(previous);
    }

    public JavaScriptSlot Slot(int index) => _slots[index];

    public void RecordParam(Rule? owner, string name, JsonNode? value) => (_params ??= [])[(owner, name)] = value;

    /// <summary>The JavaScript params a rule saw, by name, for its result.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> ParamsOf(Rule rule) => _params is null ? [] : ParamsOf(_params, rule);

    private static IEnumerable<KeyValuePair<string, JsonNode?>> ParamsOf(Dictionary<(Rule? Owner, string Name), JsonNode?> all, Rule rule)
    {
        foreach (var ((owner, name), value) in all)
        {
            if (ReferenceEquals(owner, rule))
            {
                yield return new(name, value);
            }
        }
    }

    public bool TryGetParam(ParamInScope param, out JsonNode? value)
    {
        value = null;
        return _params is not null && _params.TryGetValue((param.Owner, param.Name), out value);
    }

    public void RecordParamError(Rule owner, string message) => (_paramErrors ??= new(ReferenceEqualityComparer.Instance))[owner] = message;

    public string? ParamErrorOf(Rule rule) => _paramErrors?.GetValueOrDefault(rule);

    public readonly struct Scope(JavaScriptEvaluation? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
