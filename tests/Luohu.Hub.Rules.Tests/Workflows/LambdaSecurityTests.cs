using Luohu.Hub.Rules.Workflows;
using static Luohu.Hub.Rules.Tests.Workflows.Workflows;

namespace Luohu.Hub.Rules.Tests.Workflows;

/// <summary>
/// With RulesEngine's defaults a lambda can walk reflection metadata; in the hub every lambda is checked against
/// what plain data allows before it runs, and the validator names the common attempts before anyone saves them.
/// </summary>
public sealed class LambdaSecurityTests
{
    private const string Inputs = """{ "lot": { "id": "LH-1", "free": 3, "tags": ["a"] } }""";

    public static TheoryData<string> Hostile() =>
    [
        "\"\".GetType().Assembly.DefinedTypes.Count() > 0",
        "\"\".GetType().Assembly.Location != null",
        "lot.GetType().Assembly.FullName != null",
        "lot.free.GetType().Name == \"Int64\"",
        "lot.id.GetType().BaseType != null",
        "lot.tags.Select(t => t.GetType()).Count() > 0",
        "Convert.ChangeType(lot.free, lot.free.GetType()) != null",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task ReflectionWalk_IsRefusedAtRunTime_AndNothingRuns(string expression)
    {
        var ran = Leaf("Probe", "true") with { Actions = new RuleActions { OnSuccess = Output("1") } };

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Engine().Run(Of(ran, Leaf("Hostile", expression)), Inputs));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("Rules[1].Expression", problem.Path);
        Assert.Contains("which rule expressions may not use", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("Environment.GetEnvironmentVariable(\"PATH\") != null")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("\"\".GetType().Assembly.DefinedTypes.Count() > 0")]
    [InlineData("lot.free.GetType().Name == \"Int64\"")]
    [InlineData("Activator.CreateInstance(lot.GetType()) != null")]
    [InlineData("AppDomain.CurrentDomain.GetAssemblies().Length > 0")]
    public void Validator_NamesReflectionFilesAndProcesses_WithThePosition(string expression)
    {
        var problem = Assert.Single(Validator().Validate(Of(Leaf("Hostile", expression))));

        Assert.Equal("Rules[0].Expression", problem.Path);
        Assert.Contains("reaches .NET reflection, files or processes", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Column);
    }

    [Theory]
    [InlineData("lot.tags.GetType().GetMethods().Count() > 0")]
    [InlineData("lot.id.GetEnumerator().MoveNext()")]
    public async Task WhatTheParserItselfRefuses_FailsTheRuleWithoutRunning(string expression)
    {
        var result = (await Engine().Run(Of(Leaf("Hostile", expression)), Inputs)).Results[0];

        Assert.False(result.IsSuccess);
        Assert.StartsWith("Exception while parsing expression", result.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_WithSampleInputs_TypeChecksAndRefuses()
    {
        var problems = Validator().Validate(Of(Leaf("Hidden", "lot.tags.Select(t => t.Length).Sum() > 0 && lot.id.GetEnumerator() != null")), Workflows.Inputs(Inputs));

        Assert.Contains(problems, p => p.Message.Contains("which rule expressions may not use", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("lot.free < 10 && lot.id.StartsWith(\"LH\") && lot.tags.Any(t => t == \"a\")")]
    [InlineData("Math.Abs(lot.free - 5) < 3 && Convert.ToDouble(lot.free) / 2 > 1")]
    [InlineData("lot.id.ToUpper().Contains(\"LH\") && lot.free.ToString() == \"3\"")]
    [InlineData("DateTime.Parse(\"2026-01-01\").Year == 2026 && TimeSpan.FromMinutes(5).TotalSeconds == 300")]
    [InlineData("Hub.Round(lot.free / 2.0, 0) == 2")]
    public async Task OrdinaryExpressions_PassTheCheck(string expression)
    {
        var result = await Engine().Run(Of(Leaf("Ok", expression)), Inputs);

        Assert.True(result.IsSuccess, result.Results[0].ErrorMessage);
    }
}
