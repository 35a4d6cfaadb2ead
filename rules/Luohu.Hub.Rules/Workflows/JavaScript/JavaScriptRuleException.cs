namespace Luohu.Hub.Rules.Workflows.JavaScript;

/// <summary>A JavaScript expression of a workflow failed; the message says which, where and why, without a stack trace.</summary>
internal sealed class JavaScriptRuleException(string message, Exception? innerException = null) : Exception(message, innerException);
