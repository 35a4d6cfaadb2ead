using System.Buffers.Binary;
using System.IO.Compression;
using Luohu.Hub.Runtime.Plugins;

namespace Luohu.Hub.Runtime.Tests.Plugins;

/// <summary>
/// A package cannot fill the disk: entries are counted, sizes checked before anything is written, and bytes counted
/// while they are (a zip may lie about its sizes). Each refusal says which limit and leaves nothing behind.
/// </summary>
public sealed class PackageLimitTests
{
    [Fact]
    public async Task InstallAsync_TwoGibibytesOfZerosInATwoMegabyteZip_IsRefusedBeforeWriting()
    {
        await using var hub = await new TestHub().StartAsync();
        using var zip = CounterWith(archive =>
        {
            using var entry = archive.CreateEntry("padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 2048; i++)
            {
                entry.Write(zeros);
            }
        });
        Assert.True(zip.Length < 16 * 1024 * 1024, $"the zip is {zip.Length:N0} bytes");

        var error = await Assert.ThrowsAsync<PluginOperationException>(() => hub.Manager.InstallAsync(zip, CancellationToken.None));

        Assert.Contains("'padding.bin' unpacks to more than 200 times its packed size", error.Message, StringComparison.Ordinal);
        AssertNothingLeft(hub);
    }

    [Fact]
    public async Task InstallAsync_EntryForgedToUnpackPastItsDeclaredSize_WritesNoMoreThanDeclared()
    {
        await using var hub = await new TestHub().StartAsync();
        using var zip = CounterWith(archive =>
        {
            using var entry = archive.CreateEntry("forged.bin", CompressionLevel.SmallestSize).Open();
            entry.Write(new byte[64 * 1024 * 1024]);
        });
        DeclareUncompressedSize(zip, "forged.bin", 1000);

        await hub.Manager.InstallAsync(zip, CancellationToken.None);

        var written = Directory.EnumerateFiles(hub.PluginsPath, "forged.bin", SearchOption.AllDirectories).Single();
        Assert.Equal(1000, new FileInfo(written).Length);
    }

    [Fact]
    public async Task InstallAsync_MoreEntriesThanAllowed_IsRefused()
    {
        await using var hub = await new TestHub(o => o.MaxPackageEntries = 50).StartAsync();
        using var zip = CounterWith(archive =>
        {
            for (var i = 0; i < 60; i++)
            {
                using var writer = new StreamWriter(archive.CreateEntry($"extra/{i}.txt").Open());
                writer.Write(i);
            }
        });

        var error = await Assert.ThrowsAsync<PluginOperationException>(() => hub.Manager.InstallAsync(zip, CancellationToken.None));

        Assert.Contains("entries; at most 50 are accepted (Hub:PluginHost:MaxPackageEntries)", error.Message, StringComparison.Ordinal);
        AssertNothingLeft(hub);
    }

    [Fact]
    public async Task InstallAsync_UnpackedTotalOverTheLimit_IsRefused()
    {
        await using var hub = await new TestHub(o => o.MaxUnpackedBytes = 4 * 1024 * 1024).StartAsync();
        using var zip = CounterWith(archive =>
        {
            // Random bytes: no ratio to catch, only the total.
            var random = new Random(18);
            for (var i = 0; i < 5; i++)
            {
                var data = new byte[1024 * 1024];
                random.NextBytes(data);
                using var entry = archive.CreateEntry($"data/{i}.bin").Open();
                entry.Write(data);
            }
        });

        var error = await Assert.ThrowsAsync<PluginOperationException>(() => hub.Manager.InstallAsync(zip, CancellationToken.None));

        Assert.Contains("at most 4,194,304 are accepted (Hub:PluginHost:MaxUnpackedBytes)", error.Message, StringComparison.Ordinal);
        AssertNothingLeft(hub);
    }

    [Fact]
    public async Task InstallAsync_ManifestFieldOfTwentyMebibytes_IsRefusedWithoutEchoingIt()
    {
        await using var hub = await new TestHub().StartAsync();
        // Random letters: they pack too poorly for the ratio limit to answer first.
        var random = new Random(20);
        var name = string.Create(20 * 1024 * 1024, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
        using var zip = TestPlugins.Zip("Counter.V1", folder => TestPlugins.EditManifest(folder, "\"name\": \"", $"\"description\": \"{new string('d', 2001)}\", \"name\": \"{name}"));

        var error = await Assert.ThrowsAsync<PluginOperationException>(() => hub.Manager.InstallAsync(zip, CancellationToken.None));

        Assert.Contains("plugin.json is ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 500, $"the error is {error.Message.Length:N0} characters");
        AssertNothingLeft(hub);
    }

    [Fact]
    public void Parse_FieldsOverTheirLength_EachNamedWithItsLimit()
    {
        var json = $$"""
            { "id": "acme.cam", "name": "{{new string('n', 201)}}", "vendor": "Acme", "version": "1.0.0", "sdk": "1.0",
              "assembly": "Acme.dll", "entryType": "Acme.Plugin", "description": "{{new string('d', 2001)}}" }
            """;

        var error = Assert.Throws<PluginOperationException>(() => PluginManifestReader.Parse(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal("plugin.json is invalid: 'name' is 201 characters, at most 200 allowed; 'description' is 2,001 characters, at most 2,000 allowed.", error.Message);
    }

    /// <summary>The Counter fixture's zip with more entries written after its own (in create mode: nothing buffered whole).</summary>
    private static MemoryStream CounterWith(Action<ZipArchive> add)
    {
        using var counter = TestPlugins.Zip("Counter.V1");
        using var source = new ZipArchive(counter, ZipArchiveMode.Read);
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = archive.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }

            add(archive);
        }

        zip.Position = 0;
        return zip;
    }

    /// <summary>Rewrites the uncompressed size the central directory gives one entry (what a forged zip does).</summary>
    private static void DeclareUncompressedSize(MemoryStream zip, string name, uint size)
    {
        var bytes = zip.GetBuffer().AsSpan(0, (int)zip.Length);
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]) == 0x02014b50
                && BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i + 28)..]) == nameBytes.Length
                && bytes.Slice(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i + 24)..], size);
                zip.Position = 0;
                return;
            }
        }

        throw new InvalidOperationException($"no central directory entry named {name}");
    }

    private static void AssertNothingLeft(TestHub hub)
    {
        Assert.Empty(hub.Manager.List());
        Assert.Empty(hub.InstalledFolders());
        Assert.Empty(hub.StagingLeftovers());
    }
}
