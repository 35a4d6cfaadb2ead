using System.Text.RegularExpressions;
using Jint;
using Jint.Runtime;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>Turns the engine's exceptions into errors that name the limit, the script's line and what to do.</summary>
public sealed partial class ScriptSandbox
{
    private ScriptException Translate(Exception ex, CompiledScript script, ScriptLimits limits, int? line)
    {
        var at = line is int l ? $" at line {l}" : string.Empty;
        ScriptException translated = ex switch
        {
            JavaScriptException js when js.Message.Contains("Maximum call stack size exceeded", StringComparison.Ordinal) => Limit(ScriptLimitKind.Recursion, limits.MaxRecursionDepth, line, ex,
                "calls nested so deep that the native stack ran out (Maximum call stack size exceeded); look for a function that calls itself without end"),
            JavaScriptException js => FromJavaScript(js, script, line),
            ScriptLimitException limit => new ScriptLimitException(limit.Kind, limit.Limit, limit.Message.Replace("Script limit:", $"Script limit{at}:", StringComparison.Ordinal), line, limit),
            StatementsCountOverflowException => Limit(ScriptLimitKind.Statements, limits.MaxStatements, line, ex,
                $"more than MaxStatements ({limits.MaxStatements}) statements ran; look for a loop that never ends, or raise the department's MaxStatements"),
            RegexMatchTimeoutException => Limit(ScriptLimitKind.Time, (long)limits.Timeout.TotalMilliseconds, line, ex,
                $"a regular expression ran longer than Timeout ({limits.Timeout.TotalMilliseconds} ms), which nested quantifiers such as /(a+)+$/ do on some inputs; simplify the pattern"),
            TimeoutException => Limit(ScriptLimitKind.Time, (long)limits.Timeout.TotalMilliseconds, line, ex,
                $"the script ran longer than Timeout ({limits.Timeout.TotalMilliseconds} ms); look for a loop that never ends or heavy work, or raise the department's Timeout"),
            RecursionDepthOverflowException recursion => Limit(ScriptLimitKind.Recursion, limits.MaxRecursionDepth, line, ex,
                $"calls nested deeper than MaxRecursionDepth ({limits.MaxRecursionDepth}) (calling {Shorten(recursion.CallExpressionReference)}); look for a function that calls itself without end"),
            MemoryLimitExceededException when ex.Message.Contains("array size", StringComparison.Ordinal) => Limit(ScriptLimitKind.ArrayLength, limits.MaxArrayLength, line, ex,
                $"an array longer than MaxArrayLength ({limits.MaxArrayLength:N0} elements) was asked for; work on smaller arrays, or raise the department's MaxArrayLength"),
            MemoryLimitExceededException => Limit(ScriptLimitKind.Memory, limits.MaxMemoryBytes, line, ex,
                $"the script allocated more than MaxMemoryBytes ({limits.MaxMemoryBytes:N0} bytes), for example by growing a string or array in a loop; build smaller values, or raise the department's MaxMemoryBytes"),
            OutOfMemoryException or InsufficientExecutionStackException => Limit(ScriptLimitKind.Memory, limits.MaxMemoryBytes, line, ex,
                "the script built a value too large for memory; build smaller values"),
            ScriptException other => other,
            _ => Unexpected(ex, line),
        };

        if (translated is ScriptLimitException limited)
        {
            SandboxLog.LimitExceeded(_logger, limited.Kind, limited.Limit, limited.Line);
        }
        else if (translated is ScriptRuntimeException && ex is not JavaScriptException and not ScriptException)
        {
            SandboxLog.EngineFailed(_logger, ex, line);
        }

        return translated;
    }

    private static ScriptLimitException Limit(ScriptLimitKind kind, long limit, int? line, Exception ex, string what) =>
        new(kind, limit, $"Script limit{(line is int l ? $" at line {l}" : string.Empty)}: {what}.", line, ex);

    private static ScriptRuntimeException FromJavaScript(JavaScriptException ex, CompiledScript script, int? line)
    {
        var start = ex.Location.Start;
        var (errorLine, column) = start.Line > 0 ? (script.SourceLine(start.Line), start.Column + 1) : (line, (int?)null);
        return new ScriptRuntimeException(Describe(ex), errorLine, column, ex);
    }

    private static ScriptRuntimeException Unexpected(Exception ex, int? line) =>
        new($"InternalError: the script engine failed ({ex.Message}); simplify the statement at this line", line, null, ex);

    private static string Describe(JavaScriptException ex)
    {
        var error = ex.Error;
        if (error.IsObject())
        {
            var obj = error.AsObject();
            var name = obj.Get("name");
            var message = obj.Get("message");
            if (name.IsString() && message.IsString())
            {
                var text = message.AsString();
                if (text.StartsWith("Cannot assign to read only property", StringComparison.Ordinal) || text.StartsWith("Cannot add property", StringComparison.Ordinal))
                {
                    text += " (built-ins and the global scope are frozen in the rules sandbox; keep values in local variables, ctx.set or msg)";
                }
                else if (text.StartsWith("String compilation has been disabled", StringComparison.Ordinal))
                {
                    text = "building code from strings (eval, new Function) is disabled in the rules sandbox; write the code directly";
                }

                return text.Length > 0
                    ? $"{name.AsString()}: {text}"
                    : $"{name.AsString()} (the engine gave no details: look for a property read on null or undefined, or a call of something that is not a function)";
            }
        }

        return error.IsString() ? $"Uncaught {error.AsString()}" : $"Uncaught {ex.Message}";
    }

    private static string Shorten(string? text) =>
        string.IsNullOrEmpty(text) ? "?" : text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
