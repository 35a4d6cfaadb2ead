using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Tests.TestSupport;

namespace Luohu.Hub.Rules.Tests.Scripting;

public sealed class ScriptCacheTests
{
    [Fact]
    public void SameSource_IsParsedOnce()
    {
        var sandbox = Sandboxes.Create();

        Assert.Same(sandbox.Compile("msg.free < 10", ScriptKind.Expression), sandbox.Compile("msg.free < 10", ScriptKind.Expression));
        Assert.Equal(1, sandbox.CachedScriptCount);
    }

    [Fact]
    public void SameSource_OfAnotherKind_IsCachedSeparately()
    {
        var sandbox = Sandboxes.Create();

        Assert.NotSame(sandbox.Compile("1", ScriptKind.Expression), sandbox.Compile("1", ScriptKind.Function));
    }

    [Fact]
    public void SameSource_WithOtherParameters_IsCachedSeparately()
    {
        var sandbox = Sandboxes.Create();

        var plain = sandbox.Compile("lot.free < 10", ScriptKind.Expression, ["lot"]);

        Assert.NotSame(plain, sandbox.Compile("lot.free < 10", ScriptKind.Expression, ["lot", "limits"]));
        Assert.Same(plain, sandbox.Compile("lot.free < 10", ScriptKind.Expression, ["lot"]));
    }

    [Fact]
    public void Cache_IsBounded_DroppingTheLeastRecentlyUsed()
    {
        var options = new RulesOptions { ScriptCacheSize = 3 };
        var sandbox = Sandboxes.Create(options: options);
        var first = sandbox.Compile("1", ScriptKind.Expression);
        sandbox.Compile("2", ScriptKind.Expression);
        sandbox.Compile("3", ScriptKind.Expression);

        sandbox.Compile("1", ScriptKind.Expression);
        sandbox.Compile("4", ScriptKind.Expression);

        Assert.Equal(3, sandbox.CachedScriptCount);
        Assert.Same(first, sandbox.Compile("1", ScriptKind.Expression));
        Assert.Equal(3, sandbox.CachedScriptCount);
    }

    [Fact]
    public void ClearCache_Empties()
    {
        var sandbox = Sandboxes.Create();
        sandbox.Compile("1", ScriptKind.Expression);

        sandbox.ClearCache();

        Assert.Equal(0, sandbox.CachedScriptCount);
    }
}
