using Luohu.Hub.Rules.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

public sealed class SampleWorkflowTests
{
    private static readonly string[] Names =
        ["parking-nearly-full", "parking-nearly-full.lambda", "water-level-warning", "water-level-warning.lambda", "credit-eligibility", "credit-eligibility.lambda"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Names)
        {
            foreach (var (caseName, _) in Samples.Cases(InputsOf(name)))
            {
                data.Add(name, caseName);
            }
        }

        return data;
    }

    public static TheoryData<string> All() => [.. Names];

    [Theory]
    [MemberData(nameof(All))]
    public void Sample_IsValid_InItsDialect(string sample)
    {
        Assert.Empty(Workflows.Validator().Validate(Samples.Load(sample)));
        Assert.Equal(sample.EndsWith(".lambda", StringComparison.Ordinal) ? RuleDialect.Lambda : RuleDialect.JavaScript, RuleDialects.Of(Samples.Load(sample)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sample_Case_PassesOrFailsAsItsNameSays(string sample, string caseName)
    {
        var inputs = Samples.Cases(InputsOf(sample)).Single(c => c.Name == caseName).Inputs;

        var result = await Workflows.Engine().EvaluateAsync(Samples.Load(sample), inputs, null, CancellationToken.None);

        Assert.True(caseName.StartsWith("pass", StringComparison.Ordinal) == result.IsSuccess, $"{sample}/{caseName}: {result.Results[0].ErrorMessage}");
        Assert.All(result.Results, r => Assert.Null(r.ExceptionMessage));
    }

    [Theory]
    [InlineData("parking-nearly-full")]
    [InlineData("parking-nearly-full.lambda")]
    public async Task Parking_NearlyFull_OutputsStatusAndEvent(string sample)
    {
        var result = await Workflows.Engine().Run(Samples.Load(sample), "{\"lot\":{\"id\":\"LH-0042\",\"total\":400,\"free\":12}}");

        Assert.Equal(["parking.nearly-full"], result.SuccessEvents);
        Assert.Equal("{\"lotId\":\"LH-0042\",\"status\":\"nearly-full\",\"free\":12,\"freePercent\":3}", result.Results[0].ActionResult!.Output!.ToJsonString());
    }

    [Theory]
    [InlineData("water-level-warning")]
    [InlineData("water-level-warning.lambda")]
    public async Task Water_RisingOverTheLine_OutputsWarning(string sample)
    {
        var inputs = Samples.Cases("water-level-warning").Single(c => c.Name == "pass").Inputs;

        var output = (await Workflows.Engine().EvaluateAsync(Samples.Load(sample), inputs, null, CancellationToken.None)).Results[0].ActionResult!.Output!;

        Assert.Equal(("warning", 0.32, 0.024, "2025-07-01T09:30:00.000Z"), (output["status"]!.GetValue<string>(), output["overByM"]!.GetValue<double>(), output["risePerMinuteM"]!.GetValue<double>(), output["at"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("credit-eligibility")]
    [InlineData("credit-eligibility.lambda")]
    public async Task Credit_CostAboveTheLine_IsDeclinedWithTheReason(string sample)
    {
        var inputs = Samples.Cases("credit-eligibility").Single(c => c.Name == "fail-cost-above-the-line").Inputs;

        var rule = (await Workflows.Engine().EvaluateAsync(Samples.Load(sample), inputs, null, CancellationToken.None)).Results[0];

        Assert.Equal("The credit line does not cover the estimated cost.", rule.ChildResults[3].ErrorMessage);
        Assert.Equal("declined", rule.ActionResult!.Output!["decision"]!.GetValue<string>());
        Assert.Equal("15000", rule.ActionResult!.Output!["line"]!.ToJsonString());
    }

    private static string InputsOf(string sample) => sample.Replace(".lambda", string.Empty, StringComparison.Ordinal);
}
