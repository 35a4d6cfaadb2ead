using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Sdk.Tests;

/// <summary>
/// The SDK is what vendors compile against: any change to its public surface must be a visible diff of
/// PublicApi.approved.txt in review. On a deliberate change, copy PublicApi.received.txt over it.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_surface_matches_the_approved_snapshot()
    {
        var actual = PublicApiGenerator.Generate(typeof(IHubPlugin).Assembly);
        var folder = Path.Combine(RepoPaths.Root, "tests", "Luohu.Hub.Sdk.Tests");
        var approvedPath = Path.Combine(folder, "PublicApi.approved.txt");
        var receivedPath = Path.Combine(folder, "PublicApi.received.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (approved != actual)
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"The SDK's public surface changed. Review the diff of {receivedPath} against {approvedPath}; " +
                "if the change is intended (and versioned), copy the received file over the approved one.");
        }

        File.Delete(receivedPath);
    }
}
