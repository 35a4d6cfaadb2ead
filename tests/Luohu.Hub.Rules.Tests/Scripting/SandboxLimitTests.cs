using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;

namespace Luohu.Hub.Rules.Tests.Scripting;

public sealed class SandboxLimitTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Fact]
    public void InfiniteLoop_StopsAtStatementLimit_WithLine()
    {
        var error = Assert.Throws<ScriptLimitException>(() => _sandbox.Run("var i = 0;\nwhile (true) { i++; }", limits: new ScriptLimits { MaxStatements = 1000, Timeout = TimeSpan.FromSeconds(10) }));

        Assert.Equal(ScriptLimitKind.Statements, error.Kind);
        Assert.Equal(1000, error.Limit);
        Assert.Equal(2, error.Line);
        Assert.Contains("MaxStatements (1000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InfiniteLoop_StopsAtTimeLimit_WhenStatementsAllowMore()
    {
        var error = Assert.Throws<ScriptLimitException>(() => _sandbox.Run("while (true) { }", limits: new ScriptLimits { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(50) }));

        Assert.Equal(ScriptLimitKind.Time, error.Kind);
        Assert.Equal(50, error.Limit);
    }

    [Fact]
    public void RunawayRecursion_StopsAtRecursionLimit()
    {
        var error = Assert.Throws<ScriptLimitException>(() => _sandbox.Run("function down(n) { return down(n + 1); }\nreturn down(0);", limits: new ScriptLimits { MaxRecursionDepth = 20 }));

        Assert.Equal(ScriptLimitKind.Recursion, error.Kind);
        Assert.Equal(20, error.Limit);
    }

    [Fact]
    public async Task Recursion_AtTheCeiling_OnAThreadPoolThread_EndsWithALimitNotACrash()
    {
        var limits = new ScriptLimits { MaxRecursionDepth = ScriptLimits.RecursionDepthCeiling, MaxStatements = 1_000_000, Timeout = TimeSpan.FromSeconds(5) };

        var error = await Task.Run(() => Assert.Throws<ScriptLimitException>(() => _sandbox.Run("function down(n) { return 1 + down(n + 1); } return down(0);", limits: limits)));

        Assert.Equal(ScriptLimitKind.Recursion, error.Kind);
    }

    [Fact]
    public void Recursion_WithinTheLimit_Completes()
    {
        Assert.Equal(55, _sandbox.Run("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } return fib(10);")!.GetValue<int>());
    }

    [Fact]
    public void StringDoubledForever_EndsWithALimit_AndTheHostCarriesOn()
    {
        var error = Assert.Throws<ScriptLimitException>(() => _sandbox.Run("var s = 'x'; while (true) { s += s; }"));

        Assert.Contains(error.Kind, new[] { ScriptLimitKind.Time, ScriptLimitKind.Memory, ScriptLimitKind.Statements });
        Assert.True(_sandbox.Run("1 + 1", ScriptKind.Expression)!.GetValue<int>() == 2);
    }

    [Fact]
    public void HugeResult_IsRefusedByResultSizeLimit()
    {
        var error = Assert.Throws<ScriptLimitException>(() => _sandbox.Run("var s = 'xxxxxxxxxx'; for (var i = 0; i < 10; i++) { s += s; } return s;", limits: new ScriptLimits { MaxResultBytes = 1000 }));

        Assert.Equal(ScriptLimitKind.ResultSize, error.Kind);
        Assert.Equal(1000, error.Limit);
    }

    [Fact]
    public void ManySmallValues_CountTowardsResultSize()
    {
        var error = Assert.Throws<ScriptLimitException>(() => _sandbox.Run("var a = []; for (var i = 0; i < 500; i++) { a.push({ i: i }); } return a;", limits: new ScriptLimits { MaxResultBytes = 1000 }));

        Assert.Equal(ScriptLimitKind.ResultSize, error.Kind);
    }

    [Fact]
    public void SparseGiantArray_AsResult_IsRefusedWithoutWalkingIt()
    {
        var error = Assert.Throws<ScriptLimitException>(() => _sandbox.Run("var a = []; a.length = 4294967295; return a;"));

        Assert.Equal(ScriptLimitKind.ResultSize, error.Kind);
    }

    [Fact]
    public void CtxSet_OfAHugeValue_IsRefusedByResultSizeLimit()
    {
        var state = new InMemoryScriptState();

        var error = Assert.Throws<ScriptLimitException>(() => _sandbox.Run("var s = 'xxxxxxxxxx'; for (var i = 0; i < 10; i++) { s += s; }\nctx.set('big', s);", input: new ScriptInput { State = state }, limits: new ScriptLimits { MaxResultBytes = 1000 }));

        Assert.Equal(ScriptLimitKind.ResultSize, error.Kind);
        Assert.Equal(2, error.Line);
        Assert.Empty(state.Keys);
    }

    [Fact]
    public void JsonStringify_OfAGiant_IsRefusedBeforeBuildingTheText()
    {
        var error = Assert.Throws<ScriptLimitException>(() => _sandbox.Run("var a = []; a.length = 100000000; return JSON.stringify(a).length;"));

        Assert.Equal(ScriptLimitKind.ResultSize, error.Kind);
    }

    [Fact]
    public void JsonStringify_OfNormalData_StillWorks()
    {
        Assert.Equal("{\"a\":[1,2]}", _sandbox.Run("JSON.stringify({ a: [1, 2] })", ScriptKind.Expression)!.GetValue<string>());
    }

    [Theory]
    [InlineData("return new Array(100000000).join('x').length;", "Array.prototype.join")]
    [InlineData("var a = []; a.length = 100000000; a.forEach(function () {}); return 1;", "Array.prototype.forEach")]
    [InlineData("var a = []; a.length = 100000000; return a.toString().length;", "Array.prototype.toString")]
    [InlineData("return String.fromCharCode.apply(null, { length: 100000000 });", "Function.prototype.apply")]
    public void ArrayBuiltIns_OnGiantArrays_ThrowRangeErrorInsteadOfLoopingInsideOneStatement(string code, string builtIn)
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run(code));

        Assert.StartsWith("RangeError", error.ErrorText, StringComparison.Ordinal);
        Assert.Contains(builtIn, error.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayBuiltIns_OnNormalArrays_StillWork()
    {
        Assert.Equal("2-4-6", _sandbox.Run("[1, 2, 3].map(function (x) { return x * 2; }).join('-')", ScriptKind.Expression)!.GetValue<string>());
    }

    [Fact]
    public void DeepResult_IsRefusedAsNestedTooDeep()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("var o = {}; o.self = o; return o;"));

        Assert.Contains("nested deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceTooLong_IsRefusedBeforeParsing()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile("1 + " + new string('1', ScriptParser.MaxSourceLength), ScriptKind.Expression));

        Assert.Contains("characters long", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('(', ')')]
    [InlineData('[', ']')]
    public void SourceNestedTooDeep_IsRefusedBeforeParsing(char open, char close)
    {
        var code = new string(open, 5000) + "1" + new string(close, 5000);

        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile(code, ScriptKind.Expression));

        Assert.Contains("nested 5000 deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongChainOfPrefixOperators_IsRefusedBeforeParsing()
    {
        var error = Assert.Throws<ScriptSyntaxException>(() => _sandbox.Compile(new string('!', 20000) + "x", ScriptKind.Expression));

        Assert.Contains("prefix operators", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DepartmentLimits_AreResolvedFromOptions()
    {
        var options = new RulesOptions();
        options.Departments["water"] = new ScriptLimits { MaxStatements = 10 };
        var sandbox = Sandboxes.Create(options: options);

        var error = Assert.Throws<ScriptLimitException>(() => sandbox.Run("for (var i = 0; i < 100; i++) { }", limits: sandbox.LimitsFor("WATER")));

        Assert.Equal(10, error.Limit);
        Assert.Same(options.DefaultLimits, sandbox.LimitsFor("parking"));
    }

    [Theory]
    [InlineData(0, 250, 64, 1024)]
    [InlineData(10, 0, 64, 1024)]
    [InlineData(10, 250, 0, 1024)]
    [InlineData(10, 250, ScriptLimits.RecursionDepthCeiling + 1, 1024)]
    [InlineData(10, 250, 64, 0)]
    public void Limits_OutOfRange_AreRejectedBeforeRunning(int statements, int timeoutMs, int depth, int bytes)
    {
        var limits = new ScriptLimits { MaxStatements = statements, Timeout = TimeSpan.FromMilliseconds(timeoutMs), MaxRecursionDepth = depth, MaxResultBytes = bytes };

        Assert.Throws<ArgumentOutOfRangeException>(() => _sandbox.Run("1", ScriptKind.Expression, limits: limits));
    }

    [Fact]
    public void DefaultLimits_AreTheDocumentedValues()
    {
        var limits = new ScriptLimits();

        Assert.Equal((100_000, TimeSpan.FromMilliseconds(250), 64, 1024 * 1024), (limits.MaxStatements, limits.Timeout, limits.MaxRecursionDepth, limits.MaxResultBytes));
    }

    [Fact]
    public void Variables_AreNotCountedAgainstResultSize()
    {
        var big = new JsonArray([.. Enumerable.Range(0, 2000).Select(i => (JsonNode?)i)]);

        var value = _sandbox.Run("list.length", ScriptKind.Expression, new ScriptInput { Variables = new Dictionary<string, JsonNode?> { ["list"] = big } }, new ScriptLimits { MaxResultBytes = 100 });

        Assert.Equal(2000, value!.GetValue<int>());
    }
}
