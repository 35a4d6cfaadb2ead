using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;

namespace Luohu.Hub.Rules.Tests.Scripting;

public sealed class SandboxSecurityTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Theory]
    [InlineData("this.constructor.constructor('return this')()")]
    [InlineData("Function('return 1')()")]
    [InlineData("(function () {}).constructor('return 1')()")]
    [InlineData("Object.getPrototypeOf(function () {}).constructor('return 1')()")]
    [InlineData("eval('1 + 1')")]
    [InlineData("[].map.constructor('return 1')()")]
    public void CodeFromStrings_GetsAnEvalError(string code)
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run(code, ScriptKind.Expression));

        Assert.StartsWith("EvalError: building code from strings", error.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void NewFunction_IsRefusedAsNotAConstructor()
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("new Function('return process')()", ScriptKind.Expression));

        Assert.StartsWith("TypeError", error.ErrorText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("require('fs')", "require")]
    [InlineData("process.exit(1)", "process")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System")]
    [InlineData("importNamespace('System.IO')", "importNamespace")]
    public void HostObjects_AreUndefined_GiveReferenceError(string code, string name)
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run(code, ScriptKind.Expression));

        Assert.Equal($"ReferenceError: {name} is not defined", error.ErrorText);
    }

    [Fact]
    public void Helpers_CannotBeReplacedByAScript()
    {
        Assert.Equal(3, _sandbox.Run("round = function () { return 42; }; return round(3.2);")!.GetValue<int>());
    }

    [Fact]
    public void GlobalsDefinedByOneEvaluation_AreGoneInTheNext()
    {
        var script = _sandbox.Compile("var before = typeof leaked; leaked = 1; Object.prototype.polluted = true; Math.max = null; return before + ',' + typeof ({}).polluted + ',' + typeof Math.max;", ScriptKind.Function);

        var first = _sandbox.Evaluate(script, ScriptInput.Empty).Value!.GetValue<string>();
        var second = _sandbox.Evaluate(script, ScriptInput.Empty).Value!.GetValue<string>();

        Assert.Equal("undefined,boolean,object", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void RegexLiteralState_IsNotSharedBetweenRunsOfOneCompiledScript()
    {
        var script = _sandbox.Compile("var r = /a/g; r.exec('aaa'); return r.lastIndex;", ScriptKind.Function);

        var first = _sandbox.Evaluate(script, ScriptInput.Empty).Value!.GetValue<int>();
        var second = _sandbox.Evaluate(script, ScriptInput.Empty).Value!.GetValue<int>();

        Assert.Equal((1, 1), (first, second));
    }

    [Fact]
    public void GlobalObject_ExposesNoClrObject()
    {
        var names = _sandbox.Run("var found = []; for (var k in this) { found.push(k); } return found.join(',');")!.GetValue<string>();

        Assert.DoesNotContain("System", names, StringComparison.Ordinal);
        Assert.DoesNotContain("importNamespace", names, StringComparison.Ordinal);
    }
}
