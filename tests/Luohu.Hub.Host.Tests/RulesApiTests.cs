using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Host.Tests;

public sealed class RulesApiTests
{
    private static JsonNode Sample(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "rules", file)))!;

    [Theory]
    [InlineData("pass", true, "nearly-full")]
    [InlineData("pass-full", true, "full")]
    [InlineData("fail", false, "available")]
    public async Task Evaluate_runs_the_parking_sample_and_returns_the_result_tree(string inputCase, bool success, string status)
    {
        await using var hub = await HubServer.StartAsync();
        var request = new JsonObject
        {
            ["workflow"] = Sample("parking-nearly-full.json"),
            ["inputs"] = Sample("parking-nearly-full.inputs.json")[inputCase]!.DeepClone(),
        };

        var response = await hub.Client.PostAsJsonAsync("/api/v1/rules/evaluate", request);

        await HubServer.EnsureSuccessAsync(response);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rule = result.GetProperty("results")[0];
        Assert.Equal(success, rule.GetProperty("isSuccess").GetBoolean());
        Assert.Equal(status, rule.GetProperty("actionResult").GetProperty("output").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Validate_reports_every_problem_with_its_path()
    {
        await using var hub = await HubServer.StartAsync();
        var workflow = new JsonObject
        {
            ["WorkflowName"] = "broken",
            ["Rules"] = new JsonArray(
                new JsonObject { ["RuleName"] = "a", ["Expression"] = "x => x > 1" },
                new JsonObject { ["RuleName"] = "a", ["Expression"] = "" },
                new JsonObject { ["RuleName"] = "c", ["Operator"] = "Xor", ["Rules"] = new JsonArray(new JsonObject { ["RuleName"] = "d", ["Expression"] = "true" }) }),
        };

        var response = await hub.Client.PostAsJsonAsync("/api/v1/rules/validate", workflow);

        await HubServer.EnsureSuccessAsync(response);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains("Rules[0].Expression", paths);
        Assert.Contains("Rules[1].Expression", paths);
        Assert.Contains(paths, p => p!.StartsWith("Rules[1]", StringComparison.Ordinal) && p.Contains("RuleName", StringComparison.Ordinal));
        Assert.Contains("Rules[2].Operator", paths);
    }

    [Theory]
    [InlineData("{ \"workflow\": { \"WorkflowName\": \"x\", ", "line")]
    [InlineData("{ \"inputs\": {} }", "workflow")]
    [InlineData("{ \"workflow\": { \"WorkflowName\": \"x\", \"WorkflowName\": \"y\", \"Rules\": [] }, \"inputs\": {} }", "WorkflowName")]
    [InlineData("{ \"workflow\": { \"WorkflowName\": \"x\", \"Rules\": [ { \"RuleName\": \"a\", \"rulename\": \"b\", \"Expression\": \"true\" } ] }, \"inputs\": {} }", "$.workflow.Rules[0]")]
    public async Task Evaluate_with_bad_json_is_a_400_problem_saying_what_is_wrong(string body, string mentioned)
    {
        await using var hub = await HubServer.StartAsync();

        var response = await hub.Client.PostAsync(new Uri("/api/v1/rules/evaluate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_workflow_body_over_the_API_limit_is_a_413_problem()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string?> { ["Hub:Api:MaxJsonBodyBytes"] = "512" });
        var body = "{ \"WorkflowName\": \"big\", \"Rules\": [], \"pad\": \"" + new string('x', 2048) + "\" }";

        var response = await hub.Client.PostAsync(new Uri("/api/v1/rules/validate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Hub:Api:MaxJsonBodyBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
