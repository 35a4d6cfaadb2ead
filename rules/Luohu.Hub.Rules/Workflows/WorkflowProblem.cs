namespace Luohu.Hub.Rules.Workflows;

/// <summary>One problem of a workflow.</summary>
/// <param name="Path">Where, e.g. <c>Rules[2].Rules[0].Expression</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record WorkflowProblem(string Path, string Message)
{
    /// <summary>1-based line inside the expression at <see cref="Path"/>, when the problem has a position.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column inside the expression at <see cref="Path"/>, when the problem has a position.</summary>
    public int? Column { get; init; }

    /// <summary>A problem at 0-based <paramref name="position"/> of <paramref name="text"/>.</summary>
    public static WorkflowProblem At(string path, string message, string text, int position)
    {
        position = Math.Clamp(position, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = position - lineStart + 1;
        return new WorkflowProblem(path, $"line {line}, column {column}: {message}") { Line = line, Column = column };
    }
}
