using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Tests.Plugins;

/// <summary>
/// A plugin's load context is collected inside the rule parser's exclusion or not at all: a context the collector
/// could not see go is kept, so no later collection frees plugin code under a parse reading its types.
/// </summary>
public sealed class PluginCodeCollectorTests
{
    [Fact]
    public async Task UnloadAsync_NothingHoldsTheContext_ItIsCollected()
    {
        var loaded = LoadSdkCopy(out _);
        var context = new WeakReference(loaded.Context);

        var collected = await PluginCodeCollector.UnloadAsync(context, loaded.Unload);

        Assert.True(collected);
        Assert.False(context.IsAlive);
    }

    [Fact]
    public async Task UnloadAsync_ContextStillReferenced_IsHeldEvenAfterTheReferenceGoes()
    {
        var loaded = LoadSdkCopy(out var type);
        var context = new WeakReference(loaded.Context);
        var held = PluginCodeCollector.HeldContexts;

        var collected = await PluginCodeCollector.UnloadAsync(context, loaded.Unload);
        GC.KeepAlive(type);
        type = null;
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(collected);
        Assert.True(PluginCodeCollector.HeldContexts > held);
        Assert.True(context.IsAlive, "the unconfirmed context was collected later, outside the exclusion");
    }

    [Fact]
    public async Task InstallAsync_FailedLoads_TheirContextsAreCollected()
    {
        await using var hub = await new TestHub().StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<PluginOperationException>(() => hub.InstallAsync("BadCtor"));
        }

        // The collector works after the answer has gone (the failure is not held back for it): wait for it, bounded.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (BadCtorContexts() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, BadCtorContexts());
    }

    private static int BadCtorContexts() =>
        AssemblyLoadContext.All.Count(c => c.Assemblies.Any(a => a.GetName().Name == "Luohu.Hub.Fixtures.BadCtor"));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Loaded LoadSdkCopy(out Type? type)
    {
        var context = new AssemblyLoadContext("collector-test", isCollectible: true);
        type = context.LoadFromAssemblyPath(typeof(Sdk.Plugins.IHubPlugin).Assembly.Location).GetType(typeof(Sdk.Plugins.IHubPlugin).FullName!, throwOnError: true);
        return new Loaded { Context = context };
    }

    /// <summary>Holds the context as a plugin loader does, until its unload lets go of it.</summary>
    private sealed class Loaded
    {
        public AssemblyLoadContext? Context { get; set; }

        public Task Unload()
        {
            Context!.Unload();
            Context = null;
            return Task.CompletedTask;
        }
    }
}
