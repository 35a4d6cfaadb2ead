using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;

namespace Luohu.Hub.Rules.Tests.Scripting;

public sealed class SyntaxHintTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Theory]
    [InlineData("var double = x => x * 2;\nreturn double(2);", "arrow functions", "function (x) { return x * 2; }")]
    [InlineData("return `lot ${msg.id} is full`;", "template literals", "'Lot ' + msg.id")]
    [InlineData("class Lot { }\nreturn 1;", "class is not ES5.1", "prototype")]
    [InlineData("var { free, total } = msg;\nreturn free;", "destructuring", "var free = msg.free")]
    [InlineData("return Math.max(...msg.levels);", "spread and rest", "apply")]
    [InlineData("var sum = 0;\nfor (var x of msg.levels) { sum += x; }\nreturn sum;", "for...of", "for (var i = 0;")]
    [InlineData("function f(a = 1) { return a; }\nreturn f();", "default parameters", "if (x === undefined)")]
    [InlineData("return 2 ** 3;", "the ** operator", "Math.pow")]
    public void NewerSyntax_GetsAHintNamingTheConstructAndTheEs5Way(string code, string construct, string es5Way)
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile(code, ScriptKind.Function));

        Assert.NotNull(error.Hint);
        Assert.Contains(construct, error.Hint, StringComparison.Ordinal);
        Assert.Contains(es5Way, error.Hint, StringComparison.Ordinal);
        Assert.Contains("ES5.1", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxError_OnSecondLine_ReportsLineAndColumnOfTheAuthorsSource()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("var a = 1;\nvar b = a => a;", ScriptKind.Function));

        Assert.Equal((2, 12), (error.Line, error.Column));
        Assert.Contains("line 2, column 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxError_OnFirstLine_ColumnIgnoresTheWrapper()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("msg.free < 10 &&& true", ScriptKind.Expression));

        Assert.Equal((1, 17), (error.Line, error.Column));
    }

    [Fact]
    public void UnfinishedScript_PointsAtItsEndNotTheWrapper()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("var a = 1;\nif (a) {", ScriptKind.Function));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void OrdinarySyntaxError_HasNoHint()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("msg.free <", ScriptKind.Expression));

        Assert.Null(error.Hint);
    }

    [Fact]
    public void ArrowInsideAString_IsNoHint()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("var s = 'a => b'; return s +;", ScriptKind.Function));

        Assert.Null(error.Hint);
    }

    [Fact]
    public void Check_ReturnsTheProblemInsteadOfThrowing()
    {
        var problem = _sandbox.Check("x => 1", ScriptKind.Expression);

        Assert.NotNull(problem);
        Assert.Equal(1, problem.Line);
        Assert.Contains("arrow functions", problem.Hint, StringComparison.Ordinal);
        Assert.Null(_sandbox.Check("msg.free < 10", ScriptKind.Expression));
    }

    [Fact]
    public void EmptyScript_IsAProblemWithAHint()
    {
        var problem = _sandbox.Check("  ", ScriptKind.Expression);

        Assert.Equal("the script is empty", problem!.Message);
    }
}
