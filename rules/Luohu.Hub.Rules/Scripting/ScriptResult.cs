using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Scripting;

/// <summary>The outcome of a script run that completed.</summary>
/// <param name="Value">The value the script produced, as JSON; <c>undefined</c> and <c>null</c> both give <see langword="null"/>.</param>
/// <param name="Logs">Lines logged by the script, in order (at most <see cref="MaxLogLines"/>).</param>
/// <param name="Elapsed">Wall-clock time of the run, engine setup included.</param>
public sealed record ScriptResult(JsonNode? Value, IReadOnlyList<ScriptLogEntry> Logs, TimeSpan Elapsed)
{
    /// <summary>Lines kept per run; later lines are dropped and one warning says how many.</summary>
    public const int MaxLogLines = 100;

    /// <summary>Characters kept per logged line; the rest is cut and marked with an ellipsis.</summary>
    public const int MaxLogLineLength = 2000;
}
