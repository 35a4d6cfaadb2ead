using System.IO.Compression;
using System.Text;
using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Tests.Plugins;

/// <summary>Every bad package fails with a message that says what to fix, and leaves nothing behind.</summary>
public sealed class BadPackageTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "missing-manifest", "Counter.V1", "no plugin.json" },
        { "malformed-json", "Counter.V1", "line 2, position" },
        { "missing-fields", "Counter.V1", "missing or empty required field(s): vendor" },
        { "invalid-id", "Counter.V1", "id 'Fixtures_Counter' is invalid" },
        { "version-not-semver", "Counter.V1", "version '1.0' is not a semantic version" },
        { "sdk-range-excludes", "Counter.V1", "does not include this hub's SDK 1.0.0" },
        { "assembly-missing", "Counter.V1", "is not in the package" },
        { "carries-sdk", "Counter.V1", "carries its own copy of Luohu.Hub.Sdk.dll" },
        { "missing-dependency", "WithDependency", "missing the dependency Luohu.Hub.Fixtures.Dependency" },
        { "entry-type-missing", "Counter.V1", "is not in Luohu.Hub.Fixtures.Counter.dll" },
        { "constructor-throws", "BadCtor", "the constructor of 'Luohu.Hub.Fixtures.BadCtor.BadCtorPlugin' threw InvalidOperationException" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InstallAsync_BadPackage_FailsClearlyAndLeavesNothing(string change, string fixture, string expected)
    {
        await using var hub = await new TestHub().StartAsync();

        var error = await Assert.ThrowsAsync<PluginOperationException>(() => hub.InstallAsync(fixture, folder => Break(change, folder)));

        Assert.Equal(PluginErrorKind.InvalidPackage, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        AssertNothingLeft(hub);
    }

    [Fact]
    public async Task InstallAsync_BadPackageBesideRunningVersion_KeepsTheRunningVersion()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("Counter.V1");

        await Assert.ThrowsAsync<PluginOperationException>(() => hub.InstallAsync("Counter.V2", folder => File.Delete(Path.Combine(folder, "Luohu.Hub.Fixtures.Counter.dll"))));
        var result = await hub.InvokeAsync("counter.add", new { add = 1 });

        Assert.Equal("1.0.0", hub.Manager.Find("fixtures.counter")!.Version);
        Assert.Equal("1.0.0", result.GetProperty("version").GetString());
        Assert.Single(hub.InstalledFolders());
    }

    [Fact]
    public async Task InstallAsync_ZipSlipEntry_IsRefused()
    {
        await using var hub = await new TestHub().StartAsync();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("../escape.txt").Open());
            await writer.WriteAsync("boo");
        }

        zip.Position = 0;
        var error = await Assert.ThrowsAsync<PluginOperationException>(() => hub.Manager.InstallAsync(zip, CancellationToken.None));

        Assert.Contains("'..' segment", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(hub.PluginsPath, "escape.txt")));
        AssertNothingLeft(hub);
    }

    [Fact]
    public async Task InstallAsync_NotAZip_IsRefused()
    {
        await using var hub = await new TestHub().StartAsync();
        using var notZip = new MemoryStream(Encoding.UTF8.GetBytes("this is not a zip"));

        var error = await Assert.ThrowsAsync<PluginOperationException>(() => hub.Manager.InstallAsync(notZip, CancellationToken.None));

        Assert.Contains("not a zip archive", error.Message, StringComparison.Ordinal);
        AssertNothingLeft(hub);
    }

    [Fact]
    public async Task InstallAsync_ManifestInOneTopLevelFolder_IsAccepted()
    {
        await using var hub = await new TestHub().StartAsync();
        using var zip = TestPlugins.Zip("Counter.V1", prefix: "counter/");

        var snapshot = await hub.Manager.InstallAsync(zip, CancellationToken.None);

        Assert.Equal(PluginState.Running, snapshot.State);
    }

    [Fact]
    public async Task InstallAsync_DependencyInPluginFolder_IsLoadedFromThere()
    {
        await using var hub = await new TestHub().StartAsync();
        await hub.InstallAsync("WithDependency");

        var result = await hub.InvokeAsync("fixtures.greet", new { name = "Luohu" });

        Assert.Equal("Hello, Luohu, from a private dependency", result.GetProperty("greeting").GetString());
    }

    private static void AssertNothingLeft(TestHub hub)
    {
        Assert.Empty(hub.Manager.List());
        Assert.Empty(hub.Catalog.List());
        Assert.Empty(hub.InstalledFolders());
        Assert.Empty(hub.StagingLeftovers());
    }

    private static void Break(string change, string folder)
    {
        switch (change)
        {
            case "missing-manifest":
                File.Delete(Path.Combine(folder, "plugin.json"));
                break;
            case "malformed-json":
                File.WriteAllText(Path.Combine(folder, "plugin.json"), "{\n  \"id\": \"fixtures.counter\" \"name\": \"x\"\n}");
                break;
            case "missing-fields":
                TestPlugins.EditManifest(folder, "\"vendor\": \"Luohu Hub tests\",", string.Empty);
                break;
            case "invalid-id":
                TestPlugins.EditManifest(folder, "\"fixtures.counter\"", "\"Fixtures_Counter\"");
                break;
            case "version-not-semver":
                TestPlugins.EditManifest(folder, "\"1.0.0\"", "\"1.0\"");
                break;
            case "sdk-range-excludes":
                TestPlugins.EditManifest(folder, "[1.0,2.0)", "[2.0,3.0)");
                break;
            case "assembly-missing":
                File.Delete(Path.Combine(folder, "Luohu.Hub.Fixtures.Counter.dll"));
                break;
            case "carries-sdk":
                File.Copy(typeof(Luohu.Hub.Sdk.SdkInfo).Assembly.Location, Path.Combine(folder, "Luohu.Hub.Sdk.dll"));
                break;
            case "missing-dependency":
                File.Delete(Path.Combine(folder, "Luohu.Hub.Fixtures.Dependency.dll"));
                break;
            case "entry-type-missing":
                TestPlugins.EditManifest(folder, "CounterPlugin\"", "NoSuchPlugin\"");
                break;
            default:
                break;
        }
    }
}
