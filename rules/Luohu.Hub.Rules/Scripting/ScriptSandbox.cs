using System.Globalization;
using System.Text.RegularExpressions;
using Jint;
using Jint.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Runs JavaScript (ES5.1, on Jint) with no access to the CLR, under <see cref="ScriptLimits"/>.
/// Thread-safe; one instance per hub. Every evaluation gets a fresh engine, so nothing a script defines
/// survives into the next evaluation and no engine is ever shared between threads.
/// </summary>
/// <remarks>
/// Scripts see <c>msg</c>, <c>ctx.get(key)</c>/<c>ctx.set(key, value)</c>, <c>log(...)</c> (and <c>log.warn</c>,
/// <c>log.error</c>), <c>now()</c> (milliseconds since 1970 from the hub's clock), <c>isoTime()</c> /
/// <c>isoTime(ms)</c> (ISO 8601 UTC text), <c>round(x, digits)</c>, <c>clamp(x, min, max)</c> and
/// <c>distanceMeters(lat1, lon1, lat2, lon2)</c> (haversine). <c>Function</c> and <c>eval</c> throw:
/// code cannot be built from strings.
/// </remarks>
public sealed partial class ScriptSandbox
{
    private readonly IOptions<RulesOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ScriptCache _cache;

    /// <summary>Creates a sandbox; every argument is optional (defaults: built-in options, the system clock, no logging).</summary>
    public ScriptSandbox(IOptions<RulesOptions>? options = null, TimeProvider? timeProvider = null, ILogger<ScriptSandbox>? logger = null)
    {
        _options = options ?? Microsoft.Extensions.Options.Options.Create(new RulesOptions());
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<ScriptSandbox>.Instance;
        _cache = new ScriptCache(Math.Max(1, _options.Value.ScriptCacheSize));
    }

    /// <summary>Parsed scripts currently cached.</summary>
    public int CachedScriptCount => _cache.Count;

    /// <summary>Names a script sees as helpers or <c>msg</c>/<c>ctx</c>; <see cref="ScriptInput.Variables"/> may not use them.</summary>
    public static IReadOnlySet<string> ReservedNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "msg", "ctx", "log", "now", "isoTime", "round", "clamp", "distanceMeters", "Function", "eval",
    };

    /// <summary>The limits configured for <paramref name="department"/> (or the defaults).</summary>
    public ScriptLimits LimitsFor(string? department) => _options.Value.ResolveLimits(department);

    /// <summary>Parses <paramref name="code"/>, or returns it from the cache when the same source was parsed before.</summary>
    /// <exception cref="ScriptSyntaxException">The source is not ES5.1 JavaScript; the exception has line, column and a hint.</exception>
    public CompiledScript Compile(string code, ScriptKind kind)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_cache.TryGet(code, kind, out var cached))
        {
            return cached!;
        }

        var problem = ScriptParser.TryParse(code, kind, out var compiled);
        return problem is null ? _cache.Add(compiled!) : throw new ScriptSyntaxException(problem);
    }

    /// <summary>The syntax problem of <paramref name="code"/>, or <see langword="null"/> when it parses (it is then cached).</summary>
    public ScriptProblem? Check(string code, ScriptKind kind)
    {
        ArgumentNullException.ThrowIfNull(code);
        try
        {
            Compile(code, kind);
            return null;
        }
        catch (ScriptSyntaxException ex)
        {
            return ex.Problem;
        }
    }

    /// <summary>Drops every cached script (benchmarks measure the uncached path this way).</summary>
    public void ClearCache() => _cache.Clear();

    /// <summary>Compiles (or takes from the cache) and runs <paramref name="code"/>.</summary>
    /// <exception cref="ScriptException">The script has a syntax error, threw, or hit a limit.</exception>
    public ScriptResult Evaluate(string code, ScriptKind kind, ScriptInput input, ScriptLimits? limits = null) =>
        Evaluate(Compile(code, kind), input, limits);

    /// <summary>Runs <paramref name="script"/> in a fresh engine.</summary>
    /// <param name="script">From <see cref="Compile"/>.</param>
    /// <param name="input">The message, variables, state and log sink.</param>
    /// <param name="limits">Limits for this run; default <see cref="RulesOptions.DefaultLimits"/>.</param>
    /// <returns>The value returned as JSON, the log lines and the elapsed time.</returns>
    /// <exception cref="ScriptRuntimeException">The script threw; the message has the script's line.</exception>
    /// <exception cref="ScriptLimitException">The script hit a limit; the exception names it and its value.</exception>
    public ScriptResult Evaluate(CompiledScript script, ScriptInput input, ScriptLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(input);
        limits ??= _options.Value.DefaultLimits;
        limits.EnsureValid();
        EnsureVariableNames(input);

        var started = _time.GetTimestamp();
        var logs = new ScriptLogCollector(input.LogSink);
        var engine = new Engine(options => options
            .Strict(false)
            .AllowDebuggerStatement(false)
            .MaxStatements(limits.MaxStatements)
            .TimeoutInterval(limits.Timeout)
            .LimitRecursion(limits.MaxRecursionDepth)
            .Culture(CultureInfo.InvariantCulture)
            .LocalTimeZone(TimeZoneInfo.Utc));
        try
        {
            ScriptGlobals.Install(engine, input, logs, _time, limits);
            var value = engine.Execute(script.Program).GetCompletionValue();
            var json = JsonBridge.ToJson(value, limits.MaxResultBytes, "the returned value");
            return new ScriptResult(json, logs.Complete(), _time.GetElapsedTime(started));
        }
        catch (Exception ex) when (!IsFatal(ex))
        {
            var error = ex as ScriptException ?? Translate(ex, engine, script, limits);
            if (error is ScriptLimitException { Line: null } unlocated && LastLine(engine, script) is int line)
            {
                error = new ScriptLimitException(unlocated.Kind, unlocated.Limit, $"{unlocated.Message} (script line {line})", line, unlocated);
            }

            if (error is ScriptLimitException limit)
            {
                SandboxLog.LimitExceeded(_logger, limit.Kind, limit.Limit, limit.Line);
            }

            if (ReferenceEquals(error, ex))
            {
                throw;
            }

            throw error;
        }
    }

    private static bool IsFatal(Exception ex) => ex is StackOverflowException or AccessViolationException;

    private static void EnsureVariableNames(ScriptInput input)
    {
        foreach (var name in input.Variables.Keys)
        {
            if (!Identifier().IsMatch(name) || ReservedNames.Contains(name))
            {
                throw new ArgumentException(
                    $"Script variable '{name}' is not usable: names must be JavaScript identifiers (letters, digits, _ or $, not starting with a digit) and not one of {string.Join(", ", ReservedNames)}.",
                    nameof(input));
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
