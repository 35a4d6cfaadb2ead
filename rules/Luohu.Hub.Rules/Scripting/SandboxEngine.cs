using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// One Jint engine of the pool: configured for one set of <see cref="ScriptLimits"/>, its helpers installed and its
/// realm frozen (<see cref="Lockdown"/>), with the function of every script it has run kept for the next run.
/// Used by one run at a time.
/// </summary>
internal sealed class SandboxEngine
{
    private readonly ScriptLimits _limits;
    private readonly ConditionalWeakTable<CompiledScript, JsValue> _functions = [];
    private readonly ScriptRun _run = new();

    public SandboxEngine(ScriptLimits limits, TimeProvider time)
    {
        _limits = limits;
        Budget = new RunBudget();
        var budget = Budget;
        Engine = new Engine(options =>
        {
            options.Strict(true)
                .MaxStatements(limits.MaxStatements)
                .LimitMemory(limits.MaxMemoryBytes)
                .LimitRecursion(limits.MaxRecursionDepth)
                .Constraint(budget);
            options.Constraints.StackOverflowGuard = true;
            options.Constraints.RegexTimeout = limits.Timeout;
            options.Constraints.MaxArraySize = (uint)limits.MaxArrayLength;
            options.Host.StringCompilationAllowed = false;
            options.Interop.Enabled = false;
            options.TimeSystem = new HubTimeSystem(time);
            options.Culture = System.Globalization.CultureInfo.InvariantCulture;
        });
        Bridge = new ValueBridge(Engine);
        SizeGuards.Install(Engine, limits, Budget);
        ScriptGlobals.Install(Engine, _run, Bridge, limits, time);
        Lockdown.Apply(Engine);
    }

    public Engine Engine { get; }

    public RunBudget Budget { get; }

    public ValueBridge Bridge { get; }

    /// <summary>Runs <paramref name="script"/>; the value comes back as JSON and the log lines in <paramref name="logs"/>.</summary>
    public JsonNode? Run(CompiledScript script, ScriptInput input, CancellationToken cancellationToken, out IReadOnlyList<ScriptLogEntry> logs)
    {
        if (!_functions.TryGetValue(script, out var function))
        {
            function = Engine.Evaluate(script.Program);
            _functions.AddOrUpdate(script, function);
        }

        var arguments = new JsValue[1 + script.Parameters.Count];
        _run.Begin(input.State, input.LogSink);
        try
        {
            arguments[0] = Bridge.ToJs(input.Message, remember: input.MessageIsOwned);
            for (var i = 0; i < script.Parameters.Count; i++)
            {
                arguments[i + 1] = input.Variables.TryGetValue(script.Parameters[i], out var value) ? Converted(value, input.Message, arguments, i + 1, script.Parameters, input.Variables) : JsValue.Undefined;
            }

            Budget.Begin(_limits.Timeout, cancellationToken);
            JsValue result;
            try
            {
                result = Engine.Call(function, JsValue.Undefined, arguments);
            }
            finally
            {
                Budget.End();
            }

            var json = Bridge.ToJson(result, _limits.MaxResultBytes, "the returned value", reuse: input.MessageIsOwned);
            logs = _run.End();
            return json;
        }
        catch
        {
            _run.End();
            throw;
        }
        finally
        {
            Bridge.Clear();
        }
    }

    /// <summary>
    /// A variable's value in the engine; one node given twice (a workflow's <c>msg</c> is also <c>input1</c>) is
    /// converted once, so the script sees one object under both names, as RulesEngine's lambdas do.
    /// </summary>
    private JsValue Converted(JsonNode? value, JsonNode? message, JsValue[] arguments, int count, IReadOnlyList<string> names, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        if (value is JsonObject or JsonArray)
        {
            if (ReferenceEquals(value, message))
            {
                return arguments[0];
            }

            for (var i = 1; i < count; i++)
            {
                if (variables.TryGetValue(names[i - 1], out var earlier) && ReferenceEquals(earlier, value))
                {
                    return arguments[i];
                }
            }
        }

        return Bridge.ToJs(value, remember: false);
    }

    /// <summary>The script position the engine was at, for a limit error: the top frame's line in the wrapped source.</summary>
    public int? CurrentWrappedLine()
    {
        var trace = Engine.Advanced.StackTrace;
        var at = trace.IndexOf("script:", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + "script:".Length;
        var end = start;
        while (end < trace.Length && char.IsAsciiDigit(trace[end]))
        {
            end++;
        }

        return int.TryParse(trace.AsSpan(start, end - start), out var line) ? line : null;
    }
}
