namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// A workflow that cannot run as it is: an expression reaches beyond plain data, an <c>EvaluateRule</c> chain loops,
/// or RulesEngine refused its shape. Nothing of it ran. <see cref="Problems"/> says where and why.
/// </summary>
public sealed class WorkflowRefusedException(IReadOnlyList<WorkflowProblem> problems)
    : InvalidOperationException($"The workflow was refused and nothing of it ran: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}")
{
    /// <summary>Every reason, with its path.</summary>
    public IReadOnlyList<WorkflowProblem> Problems { get; } = problems;
}
