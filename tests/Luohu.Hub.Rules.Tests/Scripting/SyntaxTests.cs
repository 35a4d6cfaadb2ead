using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;

namespace Luohu.Hub.Rules.Tests.Scripting;

public sealed class SyntaxTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Fact]
    public void SyntaxError_OnSecondLine_ReportsLineAndColumnOfTheAuthorsSource()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("const a = 1;\nconst b = a +* 2;\nreturn b;", ScriptKind.Function));

        Assert.Equal((2, 14), (error.Line, error.Column));
        Assert.StartsWith("Script syntax error at line 2, column 14", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxError_OnFirstLine_IsNotShiftedByTheWrapper()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("msg.free <", ScriptKind.Expression));

        Assert.Equal(1, error.Line);
        Assert.InRange(error.Column, 10, 11);
    }

    [Fact]
    public void UnfinishedScript_PointsAtItsEnd()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("if (msg.free < 10) {\n  return msg;", ScriptKind.Function));

        Assert.Equal(2, error.Line);
        Assert.Contains("the script ends before it is complete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpressionFollowedByStatements_IsRefused_WithAHint()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("true); var zz = 1; (zz === 1", ScriptKind.Expression));

        Assert.Equal((1, 5), (error.Line, error.Column));
        Assert.Contains("statements (var, if, ;) belong in a script node", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyScript_SaysWhatToWrite()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("  ", ScriptKind.Expression));

        Assert.Contains("the script is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StrictMode_RefusesWith()
    {
        Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("with (msg) { return free; }", ScriptKind.Function));
    }

    [Fact]
    public void Check_ReturnsTheProblem_OrNull()
    {
        Assert.Null(_sandbox.Check("msg.free < 10", ScriptKind.Expression));
        Assert.Equal(1, _sandbox.Check("msg.free < ", ScriptKind.Expression)!.Line);
    }
}
