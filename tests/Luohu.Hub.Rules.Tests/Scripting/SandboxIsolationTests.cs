using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;

namespace Luohu.Hub.Rules.Tests.Scripting;

/// <summary>
/// Engines are reused, so nothing a run does may be seen by the next: each pair below runs a script that tries to
/// leave something behind, then a probe on the same sandbox, sequentially and on one thread (so on the same pooled engine).
/// </summary>
public sealed class SandboxIsolationTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    private string Probe(string code) => _sandbox.Run(code)!.ToJsonString();

    [Theory]
    [InlineData("globalThis.leaked = 1;", "return typeof globalThis.leaked;")]
    [InlineData("leaked = 1;", "return typeof leaked;")]
    [InlineData("var leaked = 1; return leaked;", "return typeof leaked;")]
    [InlineData("Object.prototype.polluted = true;", "return typeof ({}).polluted;")]
    [InlineData("Array.prototype.sum = function () { return 1; };", "return typeof [].sum;")]
    [InlineData("Array.prototype.push = function () { return -1; };", "const a = []; return a.push(5);")]
    [InlineData("JSON.parse = () => 'poisoned';", "return JSON.parse('1');")]
    [InlineData("Math.max = () => -1;", "return Math.max(1, 2);")]
    [InlineData("Object.defineProperty(Object.prototype, 'trap', { get() { return 'seen'; } });", "return typeof ({}).trap;")]
    [InlineData("Object.freeze(Math); Object.seal(JSON);", "return Object.isFrozen(Math) && Object.isFrozen(JSON);")]
    [InlineData("Object.setPrototypeOf(Array.prototype, null);", "return typeof [].hasOwnProperty;")]
    [InlineData("String.prototype.trim = function () { return 'x'; };", "return ' a '.trim();")]
    [InlineData("Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true });", "return [...[1, 2]].length;")]
    [InlineData("Object.getPrototypeOf(function* () {}).constructor.prototype.extra = 1;", "return typeof (function* () {}).extra;")]
    [InlineData("/(lot)(\\d+)/.test('lot42');", "return typeof RegExp.$1;")]
    public void WhatARunTriesToLeaveBehind_IsNotSeenByTheNext(string attempt, string probe)
    {
        var before = Probe(probe);

        Record.Exception(() => _sandbox.Run(attempt));

        Assert.Equal(before, Probe(probe));
    }

    [Theory]
    [InlineData("Object.prototype.polluted = true;")]
    [InlineData("globalThis.x = 1;")]
    [InlineData("Array.prototype.push = null;")]
    public void ChangingABuiltInOrTheGlobalScope_IsATypeErrorThatSaysWhy(string attempt)
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run(attempt));

        Assert.StartsWith("TypeError", error.ErrorText, StringComparison.Ordinal);
        Assert.Contains("frozen in the rules sandbox", error.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void RegexLiteralState_IsNotSharedBetweenRunsOfOneScript()
    {
        var script = _sandbox.Compile("const r = /a/g; r.exec('aaa'); return r.lastIndex;", ScriptKind.Function);

        var runs = Enumerable.Range(0, 3).Select(_ => _sandbox.Evaluate(script, ScriptInput.Empty).Value!.GetValue<int>());

        Assert.Equal([1, 1, 1], runs);
    }

    [Fact]
    public void Closures_OfOneRun_CannotBeReachedByTheNext()
    {
        var script = _sandbox.Compile("let counter = 0; const next = () => ++counter; next(); return next();", ScriptKind.Function);

        Assert.Equal([2, 2], [_sandbox.Evaluate(script, ScriptInput.Empty).Value!.GetValue<int>(), _sandbox.Evaluate(script, ScriptInput.Empty).Value!.GetValue<int>()]);
    }

    [Fact]
    public void OnlyCtx_CarriesStateFromOneRunToTheNext()
    {
        var state = new InMemoryScriptState();
        var script = _sandbox.Compile("ctx.set('n', (ctx.get('n') ?? 0) + 1); return ctx.get('n');", ScriptKind.Function);

        var values = Enumerable.Range(0, 3).Select(_ => _sandbox.Evaluate(script, new ScriptInput { State = state }).Value!.GetValue<int>()).ToArray();

        Assert.Equal([1, 2, 3], values);
    }

    [Theory]
    [InlineData("eval('1 + 1')")]
    [InlineData("new Function('return 1')()")]
    [InlineData("Function('return 1')()")]
    [InlineData("(function () {}).constructor('return 1')()")]
    [InlineData("Object.getPrototypeOf(async function () {}).constructor('return 1')()")]
    [InlineData("[].map.constructor('return 1')()")]
    public void CodeFromStrings_IsRefused(string code)
    {
        var error = Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run(code, ScriptKind.Expression));

        Assert.Contains("building code from strings (eval, new Function) is disabled", error.ErrorText, StringComparison.Ordinal);
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
        Assert.Throws<ScriptRuntimeException>(() => _sandbox.Run("round = () => 42; return round(3.2);"));
        Assert.Equal(3, _sandbox.Run("return round(3.2);")!.GetValue<int>());
    }

    [Fact]
    public void GlobalObject_ExposesNoClrObject()
    {
        var names = _sandbox.Run("return Object.getOwnPropertyNames(globalThis).join(',');")!.GetValue<string>();

        Assert.DoesNotContain("System", names, StringComparison.Ordinal);
        Assert.DoesNotContain("importNamespace", names, StringComparison.Ordinal);
        Assert.Contains("ctx", names, StringComparison.Ordinal);
    }
}
