using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Luohu.Hub.Host.Tests;

/// <summary>
/// The vendor's path end to end: `dotnet new luohu-plugin` from the template folder, the generated tests pass on
/// the test kit, `-t:PluginZip` packs it, and the package installs into a running hub and answers.
/// </summary>
public sealed class PluginTemplateTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task The_template_instantiates_builds_its_tests_pass_and_its_package_installs_into_a_running_hub()
    {
        var work = Directory.CreateTempSubdirectory("luohu-template-").FullName;
        try
        {
            // A private template registry (DOTNET_CLI_HOME), so the machine's own `dotnet new` list is left alone.
            var cliHome = Path.Combine(work, "cli-home");
            var repo = RepoPaths.Root.TrimEnd('/') + "/";
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
            await DotnetAsync(work, cliHome, "new", "install", Path.Combine(repo, "sdk", "templates", "luohu-plugin"));
            await DotnetAsync(work, cliHome, "new", "luohu-plugin", "-n", "Contoso.Gauges", "--vendor", "Contoso", "--hubRoot", repo, "-o", "Contoso.Gauges");
            var root = Path.Combine(work, "Contoso.Gauges");

            var tests = await DotnetAsync(root, null, "test", "Contoso.Gauges.Tests", "-c", configuration, "-m:1", "-nologo");
            await DotnetAsync(root, null, "build", "Contoso.Gauges", "-c", configuration, "-m:1", "-nologo", "-t:PluginZip");
            var package = Path.Combine(root, "Contoso.Gauges", "bin", "Contoso.Gauges-1.0.0.zip");

            await using var hub = await HubServer.StartAsync();
            using var zip = new ByteArrayContent(await File.ReadAllBytesAsync(package));
            zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
            var installed = await hub.Client.PostAsync(new Uri("/api/v1/plugins", UriKind.Relative), zip);
            var echo = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/contoso.gauges.echo", new { text = "from the template" });
            var reading = await hub.Client.PostAsJsonAsync("/api/v1/capabilities/sensor.read?provider=contoso.gauges", new { deviceId = "acme-0001" });

            Assert.Contains("Passed!", tests, StringComparison.Ordinal);
            Assert.Contains("Failed:     0", tests, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, installed.StatusCode);
            Assert.Equal("Running", (await installed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
            await HubServer.EnsureSuccessAsync(echo);
            Assert.Equal("from the template", (await echo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString());
            await HubServer.EnsureSuccessAsync(reading);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> DotnetAsync(string directory, string? cliHome, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", args)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (cliHome is not null)
        {
            info.Environment["DOTNET_CLI_HOME"] = cliHome;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepTimeout);
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed ({process.ExitCode}):\n{text}");
        return text;
    }
}
