namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>A script or workflow problem; <see cref="Path"/> is relative to what was checked (null for a script).</summary>
internal sealed record FlowScriptProblem(string Message, int? Line = null, int? Column = null, string? Path = null);
