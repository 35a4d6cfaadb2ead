using Jint;
using Jint.Runtime;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>Turns the engine's exceptions into errors that name the script's line and the limit.</summary>
public sealed partial class ScriptSandbox
{
    private ScriptException Translate(Exception ex, Engine engine, CompiledScript script, ScriptLimits limits)
    {
        var line = LastLine(engine, script);
        ScriptException translated = ex switch
        {
            JavaScriptException js => new ScriptRuntimeException(
                DescribeJavaScriptError(js), js.LineNumber > 0 ? ClampLine(js.LineNumber, script) : line,
                null, js),
            StatementsCountOverflowException => new ScriptLimitException(
                ScriptLimitKind.Statements, limits.MaxStatements,
                $"Script limit: more than MaxStatements ({limits.MaxStatements}) statements ran; stopped at line {line}. Look for a loop that never ends, or raise the department's MaxStatements.",
                line, ex),
            TimeoutException => new ScriptLimitException(
                ScriptLimitKind.Time, (long)limits.Timeout.TotalMilliseconds,
                $"Script limit: the script ran longer than Timeout ({limits.Timeout.TotalMilliseconds} ms); stopped at line {line}. Look for a loop that never ends or heavy work, or raise the department's Timeout.",
                line, ex),
            RecursionDepthOverflowException recursion => new ScriptLimitException(
                ScriptLimitKind.Recursion, limits.MaxRecursionDepth,
                $"Script limit: calls nested deeper than MaxRecursionDepth ({limits.MaxRecursionDepth}) at line {line} (call chain: {Shorten(recursion.CallChain)}). Look for a function that calls itself without end.",
                line, ex),
            OutOfMemoryException or InsufficientExecutionStackException => new ScriptLimitException(
                ScriptLimitKind.Memory, 0,
                $"Script limit: the script built a value too large for memory at line {line} (for example a string doubled in a loop). Build smaller values.",
                line, ex),
            _ => Unexpected(ex, line),
        };

        if (translated is ScriptRuntimeException && ex is not JavaScriptException)
        {
            SandboxLog.EngineFailed(_logger, ex, line);
        }

        return translated;
    }

    private static ScriptRuntimeException Unexpected(Exception ex, int? line) =>
        new($"InternalError: the script engine failed ({ex.GetType().Name}: {ex.Message}); simplify the statement at this line", line, null, ex);

    private static string DescribeJavaScriptError(JavaScriptException ex)
    {
        var error = ex.Error;
        if (error.IsObject())
        {
            var obj = error.AsObject();
            var name = obj.Get("name");
            var message = obj.Get("message");
            if (name.IsString() && message.IsString())
            {
                return message.AsString().Length > 0
                    ? $"{name.AsString()}: {message.AsString()}"
                    : $"{name.AsString()} (the engine gave no details: look for a property read on null or undefined, or a call of something that is not a function)";
            }
        }

        return error.IsString() ? $"Uncaught {error.AsString()}" : $"Uncaught {ex.Message}";
    }

    private static int? LastLine(Engine engine, CompiledScript script)
    {
        var node = engine.GetLastSyntaxNode();
        return node?.Location is null ? null : ClampLine(node.Location.Start.Line, script);
    }

    private static int ClampLine(int line, CompiledScript script) =>
        Math.Clamp(line, 1, script.Code.Count(c => c == '\n') + 1);

    private static string Shorten(string? text) =>
        text is null ? "?" : text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
}
