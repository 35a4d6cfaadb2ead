using System.Collections.Concurrent;
using Jint.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>
/// Runs modern JavaScript (Jint 4, strict mode) with no access to the CLR, under <see cref="ScriptLimits"/>.
/// Thread-safe; one instance per hub. Scripts are parsed once; engines are pooled per set of limits, and every
/// engine's built-ins and global scope are frozen, so nothing one run defines or changes is seen by the next.
/// </summary>
/// <remarks>
/// Scripts see <c>msg</c>, the variables they were compiled with, <c>ctx.get(key)</c>/<c>ctx.set(key, value)</c>,
/// <c>log(...)</c> (and <c>log.warn</c>, <c>log.error</c>), <c>now()</c> (milliseconds since 1970 from the hub's
/// clock, as <c>Date.now()</c>), <c>isoTime()</c> / <c>isoTime(ms)</c> (ISO 8601 UTC text), <c>round(x, digits)</c>,
/// <c>clamp(x, min, max)</c> and <c>distanceMeters(lat1, lon1, lat2, lon2)</c> (haversine). <c>eval</c> and
/// <c>new Function</c> are refused: code is never built from strings at run time, so what was validated is what runs.
/// </remarks>
public sealed partial class ScriptSandbox
{
    private readonly IOptions<RulesOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ScriptCache _cache;
    private readonly ConcurrentDictionary<ScriptLimits, EnginePool> _pools = new();
    private readonly Func<ScriptLimits, EnginePool> _createPool;

    /// <summary>Creates a sandbox; every argument is optional (defaults: built-in options, the system clock, no logging).</summary>
    public ScriptSandbox(IOptions<RulesOptions>? options = null, TimeProvider? timeProvider = null, ILogger<ScriptSandbox>? logger = null)
    {
        _options = options ?? Microsoft.Extensions.Options.Options.Create(new RulesOptions());
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<ScriptSandbox>.Instance;
        _cache = new ScriptCache(Math.Max(1, _options.Value.ScriptCacheSize));
        _createPool = CreatePool;
    }

    /// <summary>Parsed scripts currently cached.</summary>
    public int CachedScriptCount => _cache.Count;

    /// <summary>Names a script sees as helpers or <c>msg</c>; variables may not use them.</summary>
    public static IReadOnlySet<string> ReservedNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "msg", "ctx", "log", "now", "isoTime", "round", "clamp", "distanceMeters", "eval", "arguments", "globalThis",
    };

    /// <summary>The limits configured for <paramref name="department"/> (or the defaults).</summary>
    public ScriptLimits LimitsFor(string? department) => _options.Value.ResolveLimits(department);

    /// <summary>Parses <paramref name="code"/> as a function of <c>msg</c> and <paramref name="parameters"/>, or returns it from the cache.</summary>
    /// <param name="code">The source.</param>
    /// <param name="kind">An expression, or a function body.</param>
    /// <param name="parameters">Variables the script sees besides <c>msg</c>, in the order <see cref="ScriptInput.Variables"/> supplies them by name.</param>
    /// <exception cref="ScriptSyntaxException">The source is not JavaScript (or an expression is not one expression); line, column and hint.</exception>
    /// <exception cref="ArgumentException">A parameter is not an identifier, is reserved, or repeats.</exception>
    public CompiledScript Compile(string code, ScriptKind kind, IReadOnlyList<string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        parameters ??= [];
        if (_cache.TryGet(code, kind, parameters, out var cached))
        {
            return cached!;
        }

        ScriptNames.EnsureUsable(parameters);
        var problem = ScriptParser.TryParse(code, kind, [.. parameters], out var compiled);
        return problem is null ? _cache.Add(compiled!) : throw new ScriptSyntaxException(problem);
    }

    /// <summary>The syntax problem of <paramref name="code"/>, or <see langword="null"/> when it parses (it is then cached).</summary>
    public ScriptProblem? Check(string code, ScriptKind kind, IReadOnlyList<string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        try
        {
            Compile(code, kind, parameters);
            return null;
        }
        catch (ScriptSyntaxException ex)
        {
            return ex.Problem;
        }
    }

    /// <summary>Drops every cached script (benchmarks measure the uncached path this way).</summary>
    public void ClearCache() => _cache.Clear();

    /// <summary>Compiles (or takes from the cache) and runs <paramref name="code"/>; the variables become its parameters.</summary>
    /// <exception cref="ScriptException">The script has a syntax error, threw, or hit a limit.</exception>
    public ScriptResult Evaluate(string code, ScriptKind kind, ScriptInput input, ScriptLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Evaluate(Compile(code, kind, input.Variables.Count == 0 ? null : [.. input.Variables.Keys]), input, limits, cancellationToken);
    }

    /// <summary>Runs <paramref name="script"/> on a pooled engine.</summary>
    /// <param name="script">From <see cref="Compile"/>.</param>
    /// <param name="input">The message, variables, state and log sink.</param>
    /// <param name="limits">Limits for this run; default <see cref="RulesOptions.DefaultLimits"/>.</param>
    /// <param name="cancellationToken">Stops the run between statements and inside the hub's built-ins; the run then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The value returned as JSON, the log lines and the elapsed time.</returns>
    /// <exception cref="ScriptRuntimeException">The script threw; the message has the script's line and column.</exception>
    /// <exception cref="ScriptLimitException">The script hit a limit; the exception names it, its value and the line.</exception>
    public ScriptResult Evaluate(CompiledScript script, ScriptInput input, ScriptLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(input);
        limits ??= _options.Value.DefaultLimits;
        var started = _time.GetTimestamp();
        var pool = _pools.GetOrAdd(limits, _createPool);
        var engine = pool.Rent();
        try
        {
            var value = engine.Run(script, input, cancellationToken, out var logs);
            pool.Return(engine);
            return new ScriptResult(value, logs, _time.GetElapsedTime(started));
        }
        catch (Exception ex) when (!IsFatal(ex))
        {
            var line = engine.CurrentWrappedLine() is int wrapped ? script.SourceLine(wrapped) : (int?)null;
            engine.Engine.Advanced.ResetCallStack();
            if (LeavesEngineUsable(ex))
            {
                pool.Return(engine);
            }

            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw Translate(ex, script, limits, line);
        }
    }

    /// <summary>
    /// Whether the engine may serve the next run after <paramref name="ex"/>: a script's own error, or a limit the
    /// engine checks between statements, unwinds cleanly; memory exhaustion and engine failures end the engine.
    /// </summary>
    private static bool LeavesEngineUsable(Exception ex) => ex switch
    {
        JavaScriptException or ScriptRuntimeException or StatementsCountOverflowException or TimeoutException
            or RecursionDepthOverflowException or OperationCanceledException => true,
        ScriptLimitException limit => limit.Kind is not ScriptLimitKind.Memory,
        MemoryLimitExceededException => ex.Message.Contains("array size", StringComparison.Ordinal),
        _ => false,
    };

    private EnginePool CreatePool(ScriptLimits limits)
    {
        limits.EnsureValid();
        return new EnginePool(limits, _time);
    }

    private static bool IsFatal(Exception ex) => ex is StackOverflowException or AccessViolationException;
}
