using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Tests.TestSupport;
using Luohu.Hub.Rules.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

public sealed class SampleWorkflowTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in new[] { "parking-nearly-full", "water-level-warning" })
        {
            foreach (var (name, _) in JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "rules", $"{sample}.inputs.json")))!.AsObject())
            {
                data.Add(sample, name);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("parking-nearly-full")]
    [InlineData("water-level-warning")]
    public void Sample_IsValid(string sample)
    {
        var sandbox = Sandboxes.Create();

        Assert.Empty(new WorkflowValidator(sandbox, new RulesEngine(sandbox)).Validate(Load(sample)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sample_Case_PassesOrFailsAsItsNameSays(string sample, string caseName)
    {
        var inputs = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "rules", $"{sample}.inputs.json")))![caseName]!.ToJsonString();

        var result = await Workflows.Engine().Run(Load(sample), inputs);

        Assert.Equal(caseName.StartsWith("pass", StringComparison.Ordinal), result.IsSuccess);
        Assert.All(result.Results, r => Assert.Null(r.ExceptionMessage));
    }

    [Fact]
    public async Task Parking_NearlyFull_OutputsStatusAndEvent()
    {
        var result = await Workflows.Engine().Run(Load("parking-nearly-full"), "{\"lot\":{\"id\":\"LH-0042\",\"total\":400,\"free\":12}}");

        Assert.Equal(["parking.nearly-full"], result.SuccessEvents);
        Assert.Equal("{\"lotId\":\"LH-0042\",\"status\":\"nearly-full\",\"free\":12,\"freePercent\":3}", result.Results[0].ActionResult!.Output!.ToJsonString());
    }

    [Fact]
    public async Task Water_RisingOverTheLine_OutputsWarning()
    {
        var inputs = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "rules", "water-level-warning.inputs.json")))!["pass"]!.ToJsonString();

        var output = (await Workflows.Engine().Run(Load("water-level-warning"), inputs)).Results[0].ActionResult!.Output!;

        Assert.Equal(("warning", 0.32, 0.024, "2025-07-01T09:30:00.000Z"), (output["status"]!.GetValue<string>(), output["overByM"]!.GetValue<double>(), output["risePerMinuteM"]!.GetValue<double>(), output["at"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Water_UnderTheLine_SkipsTheRiseCheck()
    {
        var inputs = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "rules", "water-level-warning.inputs.json")))!["fail"]!.ToJsonString();

        var rule = (await Workflows.Engine().Run(Load("water-level-warning"), inputs)).Results[0];

        Assert.Equal("The level is under the warning line.", rule.ChildResults[0].ErrorMessage);
        Assert.True(rule.ChildResults[1].IsSkipped);
    }

    private static Workflow Load(string sample) => WorkflowJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "rules", $"{sample}.json")));
}
