using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;

namespace Luohu.Hub.Rules.Tests.Scripting;

public sealed class SandboxLimitTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    private ScriptLimitException Limit(string code, ScriptLimits? limits = null, ScriptInput? input = null) =>
        Assert.Throws<ScriptLimitException>(() => _sandbox.Run(code, input: input, limits: limits ?? Sandboxes.Relaxed));

    [Fact]
    public void EndlessLoop_StopsAtStatementLimit_WithLine()
    {
        var error = Limit("var i = 0;\nwhile (true) { i++; }", new ScriptLimits { MaxStatements = 1000, Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal((ScriptLimitKind.Statements, 1000L, 2), (error.Kind, error.Limit, error.Line));
        Assert.Contains("Script limit at line 2: more than MaxStatements (1000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndlessLoop_StopsAtTimeLimit_WhenStatementsAllowMore()
    {
        var error = Limit("let i = 0;\nwhile (true) { i++; }", new ScriptLimits { MaxStatements = int.MaxValue - 1, Timeout = TimeSpan.FromMilliseconds(50) });

        Assert.Equal((ScriptLimitKind.Time, 50L, 2), (error.Kind, error.Limit, error.Line));
    }

    [Fact]
    public void FewHeavyStatements_StopAtTheTimeLimitToo()
    {
        // Each statement replaces in a million characters: the clock is read before every statement, not every few thousand.
        var error = Limit("const s = 'a'.repeat(1 << 20);\nlet r = '';\nfor (let i = 0; i < 100000; i++) r = s.replace(/a/g, 'b');\nreturn r.length;",
            new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(100), MaxMemoryBytes = long.MaxValue - 1 });

        Assert.Equal((ScriptLimitKind.Time, 3), (error.Kind, error.Line));
    }

    [Fact]
    public void CatastrophicRegex_StopsAtTheTimeLimit_InsideTheRegex()
    {
        var error = Limit("const input = 'a'.repeat(27) + '!';\nreturn /^(a+)+$/.test(input);", new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(100) });

        Assert.Equal((ScriptLimitKind.Time, 2), (error.Kind, error.Line));
        Assert.Contains("a regular expression ran longer than Timeout (100 ms)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunawayRecursion_StopsAtRecursionLimit()
    {
        var error = Limit("function down(n) { return down(n + 1); }\nreturn down(0);", new ScriptLimits { MaxRecursionDepth = 20 });

        Assert.Equal((ScriptLimitKind.Recursion, 20L), (error.Kind, error.Limit));
        Assert.Contains("(calling down)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepRecursion_OnASmallStack_EndsWithAnErrorNotACrash()
    {
        // Without Jint's stack guard this ends the whole process: the native stack runs out before the depth limit.
        var limits = new ScriptLimits { MaxRecursionDepth = ScriptLimits.RecursionDepthCeiling, MaxStatements = 10_000_000, Timeout = TimeSpan.FromSeconds(20) };
        Exception? error = null;
        var thread = new Thread(() => error = Record.Exception(() => _sandbox.Run("function down(n) { return 1 + down(n + 1); }\nreturn down(0);", limits: limits)), 256 * 1024);

        thread.Start();
        thread.Join();

        var script = Assert.IsAssignableFrom<ScriptException>(error);
        Assert.Contains("Maximum call stack size exceeded", script.Message, StringComparison.Ordinal);
        Assert.Equal(2, _sandbox.Run("1 + 1", ScriptKind.Expression)!.GetValue<int>());
    }

    [Fact]
    public void Recursion_WithinTheLimit_Completes()
    {
        Assert.Equal(55, _sandbox.Run("const fib = n => n < 2 ? n : fib(n - 1) + fib(n - 2); return fib(10);")!.GetValue<int>());
    }

    [Theory]
    [InlineData("let s = 'x';\nwhile (true) { s += s; }")]
    [InlineData("let s = 'x';\nwhile (true) { s = `${s}${s}`; }")]
    [InlineData("const keep = [];\nwhile (true) { keep.push({ a: 'x'.repeat(1000), b: [1, 2, 3] }); }")]
    public void MemoryBomb_StopsAtTheMemoryLimit_AndTheHostCarriesOn(string code)
    {
        var error = Limit(code, new ScriptLimits { MaxMemoryBytes = 16 * 1024 * 1024, MaxStatements = int.MaxValue - 1, Timeout = TimeSpan.FromSeconds(20) });

        Assert.Equal((ScriptLimitKind.Memory, 2), (error.Kind, error.Line));
        Assert.Equal(2, _sandbox.Run("1 + 1", ScriptKind.Expression)!.GetValue<int>());
    }

    [Fact]
    public void HonestLongRunningScript_IsNotStoppedByTheMemoryLimit()
    {
        // Close to the default statement limit, allocating as it goes but keeping little: the default memory limit leaves it alone.
        var value = _sandbox.Run(
            "let total = 0;\nfor (let i = 0; i < 25000; i++) {\n  const reading = { lot: `LH-${i % 620}`, free: i % 97, tags: [i, i + 1] };\n  total += reading.free + reading.tags.length;\n}\nreturn total;",
            limits: new ScriptLimits { Timeout = TimeSpan.FromSeconds(20) });

        Assert.True(value.Number() > 0);
    }

    [Theory]
    [InlineData("return 'x'.repeat(16000000).length;", "repeat")]
    [InlineData("return 'ab'.padStart(2e9, 'x').length;", "padStart")]
    [InlineData("return 'ab'.padEnd(5e6).length;", "padEnd")]
    [InlineData("const s = 'x'.repeat(1e6);\nreturn s.concat(s, s, s, s).length;", "concat")]
    [InlineData("const s = 'x'.repeat(1e6);\nconst parts = [];\nfor (let i = 0; i < 65; i++) parts.push(s);\nreturn parts.join('').length;", "Array.prototype.join")]
    [InlineData("const s = 'x'.repeat(1e6);\nreturn [s, s, s, s, s].toString().length;", "Array.prototype.join")]
    [InlineData("const s = 'a'.repeat(2e6);\nreturn s.replace(/a/g, 'bb').length;", "replace")]
    [InlineData("const s = 'a'.repeat(2e6);\nreturn s.replaceAll('a', 'bbb').length;", "replaceAll")]
    [InlineData("const s = 'x'.repeat(1e6);\nconst a = [];\nfor (let i = 0; i < 100; i++) a.push(s);\nreturn JSON.stringify(a).length;", "stringify")]
    public void BuiltInsThatWouldBuildAHugeString_StopAtTheStringLimit(string code, string builtIn)
    {
        var error = Limit(code);

        Assert.Equal(ScriptLimitKind.StringLength, error.Kind);
        Assert.Contains(builtIn, error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxStringLength (4,194,304)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("return new Array(1e8).fill(0).length;")]
    [InlineData("return Array.from({ length: 2e6 }).length;")]
    [InlineData("const a = new Array(999999);\nreturn a.concat(a).length;")]
    [InlineData("return 'x'.repeat(4e6).split('').length;")]
    public void HugeArrays_StopAtTheArrayLimit(string code)
    {
        Assert.Equal(ScriptLimitKind.ArrayLength, Limit(code).Kind);
    }

    [Fact]
    public void QuadraticSplitAndJoin_OfALargeString_StopsAtTheTimeLimit()
    {
        var error = Limit("let s = 'ab,'.repeat(300000);\nwhile (true) s = s.split(',').join(',');", new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = int.MaxValue - 1, MaxMemoryBytes = long.MaxValue - 1 });

        Assert.Equal((ScriptLimitKind.Time, 2), (error.Kind, error.Line));
    }

    [Fact]
    public void JoinOfManyElements_WithinTheLimits_Works()
    {
        Assert.Equal(199_998, _sandbox.Run("return new Array(100000).join('1,').length;")!.GetValue<int>());
    }

    [Fact]
    public void HugeResult_IsRefusedByResultSizeLimit()
    {
        var error = Limit("var s = 'xxxxxxxxxx'; for (var i = 0; i < 10; i++) { s += s; } return s;", new ScriptLimits { MaxResultBytes = 1000 });

        Assert.Equal((ScriptLimitKind.ResultSize, 1000L), (error.Kind, error.Limit));
    }

    [Fact]
    public void SparseGiantArray_AsResult_IsRefusedWithoutWalkingIt()
    {
        Assert.Equal(ScriptLimitKind.ResultSize, Limit("var a = []; a.length = 4294967295; return a;").Kind);
    }

    [Fact]
    public void CtxSet_OfAHugeValue_IsRefusedByResultSizeLimit()
    {
        var state = new InMemoryScriptState();

        var error = Limit("var s = 'xxxxxxxxxx'; for (var i = 0; i < 10; i++) { s += s; }\nctx.set('big', s);", new ScriptLimits { MaxResultBytes = 1000 }, new ScriptInput { State = state });

        Assert.Equal((ScriptLimitKind.ResultSize, 2), (error.Kind, error.Line));
        Assert.Empty(state.Keys);
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

    [Fact]
    public void Cancellation_StopsARunWhoseCallerIsGone()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var limits = new ScriptLimits { Timeout = TimeSpan.FromMinutes(5), MaxStatements = int.MaxValue - 1 };

        Assert.ThrowsAny<OperationCanceledException>(() => _sandbox.Evaluate("while (true) {}", ScriptKind.Function, ScriptInput.Empty, limits, cancel.Token));
    }

    [Fact]
    public async Task FourHostileRunsAtOnce_EachStopsWithItsOwnError_WhileOrdinaryRunsGoOn()
    {
        var limits = new ScriptLimits { Timeout = TimeSpan.FromSeconds(2) };
        string[] hostile = ["while (true) {}", "return /^(a+)+$/.test('a'.repeat(30) + '!');", "let s = 'x'; while (true) s += s;", "return 'x'.repeat(1e9);"];

        var runs = hostile.Select(code => Task.Run(() => Record.Exception(() => _sandbox.Run(code, limits: limits)))).ToArray();
        var ordinary = 0;
        while (!runs.All(r => r.IsCompleted))
        {
            Assert.Equal(4, _sandbox.Run("msg.free + 1", ScriptKind.Expression, Sandboxes.Message("{\"free\":3}"))!.GetValue<int>());
            ordinary++;
            await Task.Yield();
        }

        var kinds = (await Task.WhenAll(runs)).Select(e => Assert.IsType<ScriptLimitException>(e).Kind).ToArray();
        Assert.Equal([ScriptLimitKind.Statements, ScriptLimitKind.Time, ScriptLimitKind.Memory, ScriptLimitKind.StringLength], kinds);
        Assert.True(ordinary > 0);
    }

    [Fact]
    public void AfterALimit_TheSameLimitsServeTheNextRunNormally()
    {
        var limits = new ScriptLimits { MaxStatements = 500 };
        Assert.Throws<ScriptLimitException>(() => _sandbox.Run("[1, 2, 3].map(x => { while (true) {} });", limits: limits));

        Assert.Equal("[2,4,6]", _sandbox.Run("return [1, 2, 3].map(x => x * 2);", limits: limits)!.ToJsonString());
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

        Assert.Equal(
            (100_000, TimeSpan.FromMilliseconds(250), 64, 64L * 1024 * 1024, 4 * 1024 * 1024, 1_000_000, 1024 * 1024),
            (limits.MaxStatements, limits.Timeout, limits.MaxRecursionDepth, limits.MaxMemoryBytes, limits.MaxStringLength, limits.MaxArrayLength, limits.MaxResultBytes));
    }

    [Fact]
    public void Variables_AreNotCountedAgainstResultSize()
    {
        var big = new JsonArray([.. Enumerable.Range(0, 2000).Select(i => (JsonNode?)i)]);

        var value = _sandbox.Run("list.length", ScriptKind.Expression, new ScriptInput { Variables = new Dictionary<string, JsonNode?> { ["list"] = big } }, new ScriptLimits { MaxResultBytes = 100 });

        Assert.Equal(2000, value!.GetValue<int>());
    }
}
