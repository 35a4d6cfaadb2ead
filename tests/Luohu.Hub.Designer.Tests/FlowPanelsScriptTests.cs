using System.Diagnostics;

namespace Luohu.Hub.Designer.Tests;

/// <summary>
/// The flow panels' pure front-end logic (diff formatting, where a JSON payload breaks) is tested in JavaScript with
/// node's own test runner (<c>ClientApp/test</c>, <c>npm test</c>); this runs it with the rest, so a failure shows here.
/// </summary>
public sealed class FlowPanelsScriptTests
{
    [Fact]
    public async Task The_front_end_unit_tests_of_the_flow_panels_pass()
    {
        var clientApp = Path.Combine(RepoPaths.Root, "designer", "Luohu.Hub.Designer", "ClientApp");
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", "test/"])
        {
            WorkingDirectory = clientApp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not start; the designer's build needs Node.js 20+ too.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();

        Assert.True(node.ExitCode == 0, $"node --test failed:\n{await output}\n{await errors}");
    }
}
