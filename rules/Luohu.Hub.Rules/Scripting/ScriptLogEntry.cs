namespace Luohu.Hub.Rules.Scripting;

/// <summary>One line a script logged.</summary>
/// <param name="Level">Which log function wrote it.</param>
/// <param name="Message">The arguments, converted to text and joined by spaces.</param>
public sealed record ScriptLogEntry(ScriptLogLevel Level, string Message);
