namespace Luohu.Hub.Rules.Workflows;

/// <summary>One problem of a workflow.</summary>
/// <param name="Path">Where, e.g. <c>Rules[2].Rules[0].Expression</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record WorkflowProblem(string Path, string Message);
