using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Rules.Tests;

public sealed class RulesServiceCollectionTests
{
    [Fact]
    public void AddHubRules_BindsDefaultAndDepartmentLimitsFromConfiguration()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rules:DefaultLimits:MaxStatements"] = "5000",
            ["Rules:DefaultLimits:Timeout"] = "00:00:00.100",
            ["Rules:Departments:water:MaxRecursionDepth"] = "16",
            ["Rules:ScriptCacheSize"] = "10",
        }).Build().GetSection("Rules");

        using var services = new ServiceCollection().AddHubRules(section).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<RulesOptions>>().Value;

        Assert.Equal((5000, TimeSpan.FromMilliseconds(100), 10), (options.DefaultLimits.MaxStatements, options.DefaultLimits.Timeout, options.ScriptCacheSize));
        Assert.Equal(16, options.ResolveLimits("Water").MaxRecursionDepth);
    }

    [Fact]
    public async Task AddHubRules_GivesAnEngineWithTheRegisteredCustomActions()
    {
        using var services = new ServiceCollection().Configure<RulesOptions>(o => o.CustomActions["Echo"] = () => new EchoAction()).AddHubRules().BuildServiceProvider();
        var engine = services.GetRequiredService<WorkflowEngine>();
        var rule = new Rule { RuleName = "A", Expression = "true", Actions = new RuleActions { OnSuccess = new ActionInfo { Name = "Echo" } } };

        var result = await engine.EvaluateAsync(new Workflow { WorkflowName = "W", Rules = [rule] }, new Dictionary<string, JsonNode?>(), null, CancellationToken.None);

        Assert.Equal("echo", result.Results[0].ActionResult!.Output!.GetValue<string>());
        Assert.Same(services.GetRequiredService<ScriptSandbox>(), services.GetRequiredService<ScriptSandbox>());
        Assert.NotNull(services.GetRequiredService<WorkflowValidator>());
    }

    [Fact]
    public void AddHubRules_KeepsAClockRegisteredBefore()
    {
        var clock = new TestSupport.FakeTimeProvider(DateTimeOffset.UnixEpoch);

        using var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddHubRules().BuildServiceProvider();

        Assert.Equal("1970-01-01T00:00:00.000Z", services.GetRequiredService<ScriptSandbox>().Evaluate("isoTime()", ScriptKind.Expression, ScriptInput.Empty).Value!.GetValue<string>());
    }

    private sealed class EchoAction : RulesEngine.Actions.ActionBase
    {
        public override ValueTask<object> Run(RulesEngine.Actions.ActionContext context, RulesEngine.Models.RuleParameter[] ruleParameters) => ValueTask.FromResult<object>("echo");
    }
}
